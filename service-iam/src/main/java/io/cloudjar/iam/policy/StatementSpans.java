package io.cloudjar.iam.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where each statement of a policy sits in its text (the simulator's {@code StartPosition} and
 * {@code EndPosition}). The tree parser keeps no positions, so this walks the text once, skipping strings,
 * to the value of the top-level {@code "Statement"} member and the objects in it.
 */
final class StatementSpans {
    private final String text;
    private int pos;

    private StatementSpans(String text) {
        this.text = text;
    }

    /** One span per statement, in order; empty if the text is not shaped as expected. */
    static List<PolicyDocument.Span> of(String text) {
        return new StatementSpans(text).find();
    }

    private List<PolicyDocument.Span> find() {
        List<PolicyDocument.Span> spans = new ArrayList<>();
        int depth = 0;
        for (pos = 0; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                int start = pos;
                skipString();
                if (depth == 1 && text.substring(start + 1, pos).equals("Statement")) {
                    readStatements(spans);
                    return spans;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return spans;
    }

    private void readStatements(List<PolicyDocument.Span> spans) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != '[' && text.charAt(pos) != '{') {
            pos++;
        }
        if (pos >= text.length()) {
            return;
        }
        if (text.charAt(pos) == '{') {
            spans.add(objectSpan());
            return;
        }
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '{') {
                spans.add(objectSpan());
            } else if (c == ']') {
                return;
            }
        }
    }

    /** From the '{' at pos to its matching '}', leaving pos on the '}'. */
    private PolicyDocument.Span objectSpan() {
        int start = pos;
        int depth = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                skipString();
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                break;
            }
        }
        int[] from = lineColumn(start);
        int[] to = lineColumn(Math.min(pos + 1, text.length()));
        return new PolicyDocument.Span(from[0], from[1], to[0], to[1]);
    }

    private void skipString() {
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return;
            }
        }
    }

    private int[] lineColumn(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
