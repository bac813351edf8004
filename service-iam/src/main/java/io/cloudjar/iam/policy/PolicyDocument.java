package io.cloudjar.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A parsed IAM policy: identity-based, resource-based (with {@code Principal}), a trust policy, a permissions
 * boundary or a session policy. Immutable; made by {@link PolicyParser}, which validated it.
 *
 * @param version    {@code 2012-10-17}, {@code 2008-10-17} or null (treated as 2008-10-17: no policy variables)
 * @param text       the document as submitted
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String text) {
    public static final String CURRENT_VERSION = "2012-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Policy variables ({@code ${aws:username}}) are only substituted in version 2012-10-17 documents. */
    public boolean supportsVariables() {
        return CURRENT_VERSION.equals(version);
    }

    public enum Effect { ALLOW, DENY }

    /**
     * One statement. {@code actions} are the {@code Action} list, or the {@code NotAction} list when
     * {@code notAction}; likewise resources (null when the statement has neither, as trust policies) and
     * principals (null when absent; {@code {"*": ["*"]}} for {@code "Principal": "*"}).
     */
    public record Statement(String sid, Effect effect,
                            Map<String, List<String>> principals, boolean notPrincipal,
                            List<String> actions, boolean notAction,
                            List<String> resources, boolean notResource,
                            List<Condition> conditions, Span span) {
    }

    /** {@code "Operator": {"key": [values]}}, one per key. */
    public record Condition(String operator, String key, List<String> values) {
    }

    /** Where a statement starts and ends in the text: 1-based line and column, as the simulator reports. */
    public record Span(int startLine, int startColumn, int endLine, int endColumn) {
    }
}
