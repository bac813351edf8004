package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.StsSession;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Issues temporary credentials: {@code ASIA…} key, 40-character secret, an opaque session token. */
final class Sessions {
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Sessions() {
    }

    /** A new session for a principal shaped by {@code shape} (given the new key, secret and token). */
    static StsSession issue(IamState state, PrincipalShape shape, String roleName, Instant now, int durationSeconds,
                            List<String> sessionPolicies, boolean mfa) {
        return issue(state, shape, roleName, null, now, durationSeconds, sessionPolicies, mfa);
    }

    static StsSession issue(IamState state, PrincipalShape shape, String roleName, String parentUser, Instant now,
                            int durationSeconds, List<String> sessionPolicies, boolean mfa) {
        String keyId = Ids.iam("ASIA", 20);
        byte[] token = new byte[256];
        Ids.random().nextBytes(token);
        String sessionToken = "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(token);
        Principal principal = shape.principal(keyId, secret(), sessionToken);
        StsSession session = new StsSession(principal, roleName, parentUser, now, now.plusSeconds(durationSeconds), sessionPolicies, mfa);
        state.addSession(session);
        return session;
    }

    static Credentials credentials(StsSession session) {
        Principal p = session.principal();
        return Credentials.builder().accessKeyId(p.accessKeyId()).secretAccessKey(p.secretAccessKey())
                .sessionToken(p.sessionToken()).expiration(session.expiration()).build();
    }

    private static String secret() {
        char[] out = new char[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = SECRET_CHARS[Ids.random().nextInt(SECRET_CHARS.length)];
        }
        return new String(out);
    }

    /** Builds the session's principal once its credentials are known. */
    @FunctionalInterface
    interface PrincipalShape {
        Principal principal(String accessKeyId, String secret, String sessionToken);
    }

    static Principal assumedRole(String accountId, String roleName, String roleId, String sessionName,
                                 Map<String, String> tags, String keyId, String secret, String token) {
        return new Principal(Principal.Type.ASSUMED_ROLE, accountId,
                "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName,
                roleId + ":" + sessionName, sessionName, keyId, secret, token, tags);
    }
}
