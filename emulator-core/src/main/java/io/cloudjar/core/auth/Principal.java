package io.cloudjar.core.auth;

import java.util.Map;

/**
 * Who signed a request: the account root, an IAM user, an assumed-role session, or nobody (anonymous).
 * {@code userId} is what {@code GetCallerIdentity} answers as UserId (the account id for root, AIDA… for
 * users, AROA…:session for roles).
 */
public record Principal(
        Type type,
        String accountId,
        String arn,
        String userId,
        String name,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Map<String, String> tags) {

    public enum Type { ROOT, USER, ASSUMED_ROLE, FEDERATED_USER, ANONYMOUS }

    public Principal {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static Principal root(String accountId, String accessKeyId, String secretAccessKey) {
        return new Principal(Type.ROOT, accountId, "arn:aws:iam::" + accountId + ":root", accountId, null,
                accessKeyId, secretAccessKey, null, Map.of());
    }

    public static Principal anonymous(String accountId) {
        return new Principal(Type.ANONYMOUS, accountId, "*", "anonymous", null, null, null, null, Map.of());
    }

    public boolean isRoot() {
        return type == Type.ROOT;
    }

    public boolean isAnonymous() {
        return type == Type.ANONYMOUS;
    }
}
