package io.cloudjar.core.auth;

import java.util.List;

/**
 * An authorization answer: allowed or not, whether an explicit deny decided it, which kind of policy decided it
 * (what AWS's denial messages name: "because no identity-based policy allows…", "with an explicit deny in a
 * resource-based policy"), the statements that matched (soft-mode logs and encoded EC2 failure messages show
 * them), the resource the answer is about, and a reason for people.
 *
 * @param basis    the kind of policy that decided a denial (for an allow, the kind that allowed)
 * @param matched  the statements that decided it, as {@code policy-id#Sid}; empty for an implicit deny
 * @param resource the resource ARN the decision is about (the first one denied), or null when not known
 */
public record Decision(boolean allowed, boolean explicitDeny, String reason, Basis basis, List<String> matched,
                       String resource) {

    /** The kinds of policy AWS's denial messages name. */
    public enum Basis {
        IDENTITY("identity-based policy"),
        RESOURCE("resource-based policy"),
        BOUNDARY("permissions boundary"),
        SESSION("session policy"),
        NONE("policy");

        private final String words;

        Basis(String words) {
            this.words = words;
        }

        /** As AWS's messages name it: {@code identity-based policy}, {@code resource-based policy}, ... */
        public String words() {
            return words;
        }

        /** With its article: "with an explicit deny in an identity-based policy". */
        public String withArticle() {
            return (words.startsWith("i") ? "an " : "a ") + words;
        }
    }

    public Decision {
        matched = matched == null ? List.of() : List.copyOf(matched);
        basis = basis == null ? Basis.IDENTITY : basis;
    }

    public Decision(boolean allowed, boolean explicitDeny, String reason) {
        this(allowed, explicitDeny, reason, Basis.IDENTITY, List.of(), null);
    }

    public static Decision allow(String reason) {
        return new Decision(true, false, reason);
    }

    public static Decision implicitDeny(String reason) {
        return new Decision(false, false, reason);
    }

    public static Decision explicitDeny(String reason) {
        return new Decision(false, true, reason);
    }

    /** The same answer, about {@code arn}. */
    public Decision about(String arn) {
        return new Decision(allowed, explicitDeny, reason, basis, matched, arn);
    }

    /** {@code allowed}, {@code explicitDeny} or {@code implicitDeny}, as the simulator and decoded messages spell it. */
    public String wire() {
        return allowed ? "allowed" : explicitDeny ? "explicitDeny" : "implicitDeny";
    }
}
