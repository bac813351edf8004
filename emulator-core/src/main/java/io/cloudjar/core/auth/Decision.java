package io.cloudjar.core.auth;

/** An authorization answer with the reason, which logs and the policy simulator show. */
public record Decision(boolean allowed, boolean explicitDeny, String reason) {
    public static Decision allow(String reason) {
        return new Decision(true, false, reason);
    }

    public static Decision implicitDeny(String reason) {
        return new Decision(false, false, reason);
    }

    public static Decision explicitDeny(String reason) {
        return new Decision(false, true, reason);
    }
}
