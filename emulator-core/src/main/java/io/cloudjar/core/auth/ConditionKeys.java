package io.cloudjar.core.auth;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys AWS puts in the request context of every call ({@code aws:CurrentTime},
 * {@code aws:SourceIp}, {@code aws:PrincipalArn}, ...). One builder, so the authorization stage and STS's own
 * checks (trust policies) see the same keys.
 */
public final class ConditionKeys {
    private ConditionKeys() {
    }

    /**
     * @param source the caller's address, or null when unknown
     */
    public static Map<String, List<String>> of(Principal p, Instant receivedAt, String region, InetSocketAddress source) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:CurrentTime", List.of(receivedAt.toString()));
        keys.put("aws:EpochTime", List.of(Long.toString(receivedAt.getEpochSecond())));
        keys.put("aws:SecureTransport", List.of("false"));
        keys.put("aws:RequestedRegion", List.of(region));
        if (source != null && source.getAddress() != null) {
            keys.put("aws:SourceIp", List.of(source.getAddress().getHostAddress()));
        }
        if (!p.isAnonymous()) {
            keys.put("aws:PrincipalArn", List.of(p.arn()));
            keys.put("aws:PrincipalAccount", List.of(p.accountId()));
            keys.put("aws:userid", List.of(p.userId()));
            keys.put("aws:PrincipalType", List.of(principalType(p)));
            if (p.name() != null && p.type() == Principal.Type.USER) {
                keys.put("aws:username", List.of(p.name()));
            }
            p.tags().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
        }
        return Collections.unmodifiableMap(keys);
    }

    private static String principalType(Principal p) {
        return switch (p.type()) {
            case ROOT -> "Account";
            case USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case ANONYMOUS -> "Anonymous";
        };
    }
}
