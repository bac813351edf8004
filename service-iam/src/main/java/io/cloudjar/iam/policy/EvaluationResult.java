package io.cloudjar.iam.policy;

import java.util.List;
import java.util.Set;

/**
 * The answer for one request: the decision, why, the statements that decided it (the simulator's
 * {@code MatchedStatements}) and the context keys conditions asked for that the request lacked
 * ({@code MissingContextValues}).
 *
 * @param allowedByBoundary whether the permissions boundary allows the request; null when there is none
 * @param decidedBy         the kind of policy that decided: the one holding the explicit deny, the one that did not
 *                          allow (what AWS's denial messages name), or the one that allowed
 */
public record EvaluationResult(Decision decision, String reason, List<Match> matched, Set<String> missingContextKeys,
                               Boolean allowedByBoundary, PolicyRole decidedBy) {

    /** The part a policy plays in the evaluation. */
    public enum PolicyRole { IDENTITY, RESOURCE, BOUNDARY, SESSION }

    public enum Decision {
        ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

        private final String wire;

        Decision(String wire) {
            this.wire = wire;
        }

        /** As the simulator's {@code EvalDecision} spells it. */
        public String wire() {
            return wire;
        }
    }

    /** A statement that matched the request, and the policy it is in. */
    public record Match(PolicySource source, PolicyDocument.Statement statement, int index) {
        /** The statement's Sid, else its position: how reasons name it. */
        public String label() {
            return statement.sid() != null && !statement.sid().isEmpty() ? "'" + statement.sid() + "'" : "#" + (index + 1);
        }
    }

    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }
}
