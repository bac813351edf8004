package io.cloudjar.iam.policy;

/**
 * IAM's glob matching: {@code *} matches any run of characters (including none), {@code ?} exactly one.
 * Actions compare regardless of case; resources, ARNs and StringLike values case-sensitively.
 */
public final class Wildcards {
    /** What {@code ${*}} and {@code ${?}} become: characters that match a literal {@code *} and {@code ?}. */
    static final char LITERAL_STAR = '\uE000';
    static final char LITERAL_QUESTION = '\uE001';

    private Wildcards() {
    }

    /** The pattern with escaped wildcards made plain characters again, for operators that do not glob. */
    static String literal(String pattern) {
        return pattern.replace(LITERAL_STAR, '*').replace(LITERAL_QUESTION, '?');
    }

    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        if (ignoreCase) {
            return matches(pattern.toLowerCase(java.util.Locale.ROOT), value.toLowerCase(java.util.Locale.ROOT), false);
        }
        // Iterative glob with backtracking to the last '*': linear for the patterns IAM sees.
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v)
                    || pattern.charAt(p) == LITERAL_STAR && value.charAt(v) == '*'
                    || pattern.charAt(p) == LITERAL_QUESTION && value.charAt(v) == '?')) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * ARN matching as ArnLike and resource ARNs use it: the six colon-separated parts match one by one, each
     * with wildcards (the last part, the resource, may itself contain colons).
     */
    public static boolean arnMatches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] want = pattern.split(":", 6);
        String[] have = arn.split(":", 6);
        if (want.length != 6 || have.length != 6) {
            return matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(want[i], have[i], false)) {
                return false;
            }
        }
        return true;
    }
}
