package io.cloudjar.core.auth;

import java.util.List;
import java.util.Map;

/**
 * IAM's policy grammar for services that store resource-based policies (S3 bucket policies) without depending
 * on service-iam: the document is parsed once, by the same parser the evaluator uses, and the service checks its
 * own rules on the outline (which resources a bucket policy may name). Implemented by service-iam and found with
 * {@link io.cloudjar.core.spi.ServiceContext#lookup}; absent when IAM does not run.
 */
public interface PolicyGrammar {
    /**
     * The statements of a resource-based policy.
     *
     * @throws InvalidPolicyException with IAM's words for what is wrong ({@code Syntax errors in policy.})
     */
    List<StatementOutline> outline(String document);

    /**
     * What a service needs to know of one statement; lists are those of {@code NotX} when the flag says so, and
     * {@code conditions} maps each condition key to its values, whatever the operators (empty: the statement is
     * unconditional).
     */
    record StatementOutline(boolean allow, Map<String, List<String>> principals, boolean notPrincipal,
                            List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                            Map<String, List<String>> conditions) {
    }

    /** A document IAM's parser refuses; {@link #syntax()} when it is not even JSON of the right shape. */
    final class InvalidPolicyException extends RuntimeException {
        private final boolean syntax;

        public InvalidPolicyException(String message, boolean syntax) {
            super(message, null, false, false);
            this.syntax = syntax;
        }

        public boolean syntax() {
            return syntax;
        }
    }
}
