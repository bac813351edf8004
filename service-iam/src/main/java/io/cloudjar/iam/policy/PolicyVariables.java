package io.cloudjar.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * Substitutes policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team}}, any single-valued
 * context key, the escapes {@code ${*}}, {@code ${?}} (literal characters, not wildcards), {@code ${$}}, and defaults as in
 * {@code ${aws:username, 'nobody'}}). A variable whose key is missing and has no default makes the value
 * unusable: the element does not match, as in AWS.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    /** The value with variables replaced, or empty when one cannot be resolved. */
    static Optional<String> substitute(String value, RequestFacts request, boolean enabled) {
        if (!enabled || !value.contains("${")) {
            return Optional.of(value);
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            Optional<String> resolved = resolve(value.substring(start + 2, end).trim(), request);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            out.append(resolved.get());
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> resolve(String variable, RequestFacts request) {
        switch (variable) {
            case "*" -> {
                return Optional.of(String.valueOf(Wildcards.LITERAL_STAR));
            }
            case "?" -> {
                return Optional.of(String.valueOf(Wildcards.LITERAL_QUESTION));
            }
            case "$" -> {
                return Optional.of("$");
            }
            default -> {
            }
        }
        String key = variable;
        String fallback = null;
        int comma = variable.indexOf(',');
        if (comma > 0) {
            key = variable.substring(0, comma).trim();
            String rest = variable.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                fallback = rest.substring(1, rest.length() - 1);
            }
        }
        List<String> values = request.context(key);
        if (values != null && values.size() == 1) {
            return Optional.of(values.get(0));
        }
        return Optional.ofNullable(fallback);
    }
}
