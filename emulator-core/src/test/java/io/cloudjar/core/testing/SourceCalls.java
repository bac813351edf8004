package io.cloudjar.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The calls of one static method in a module's Java sources, read as text, for tests that hold string keys against
 * a catalogue (EC2's error keys, the codes raised with {@code AwsErrors.modeled}):
 * <pre>{@code
 * for (SourceCalls.Call call : SourceCalls.find(Path.of("src/main/java"), "Ec2Errors.of")) { ... call.key() ... }
 * }</pre>
 * Comments are skipped; a call whose first argument is not a single string literal fails the search, since its
 * key could not be checked.
 */
public final class SourceCalls {
    private SourceCalls() {
    }

    /**
     * One call: where it is, its first argument (a string literal, unquoted) and how many arguments it passes.
     */
    public record Call(Path file, int line, String key, int argumentCount) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " " + key;
        }
    }

    /** Every call of {@code method} ({@code "Ec2Errors.of"}) in the {@code .java} files under {@code root}. */
    public static List<Call> find(Path root, String method) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("No sources at " + root.toAbsolutePath());
        }
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                calls.addAll(find(file, Files.readString(file), method));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    static List<Call> find(Path file, String source, String method) {
        String code = withoutComments(source);
        String opening = method + "(";
        List<Call> calls = new ArrayList<>();
        for (int at = code.indexOf(opening); at >= 0; at = code.indexOf(opening, at + 1)) {
            if (at > 0 && Character.isJavaIdentifierPart(code.charAt(at - 1))) {
                continue; // a longer name ending in the same letters
            }
            int line = (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            List<String> arguments = arguments(code, at + opening.length());
            String first = arguments.isEmpty() ? "" : arguments.get(0);
            if (!first.matches("\"([^\"\\\\]|\\\\.)*\"")) {
                throw new IllegalStateException(file + ":" + line + ": the first argument of " + method
                        + " is not a string literal: " + first);
            }
            calls.add(new Call(file, line, first.substring(1, first.length() - 1).replaceAll("\\\\(.)", "$1"),
                    arguments.size()));
        }
        return calls;
    }

    /** The top-level arguments of the call whose argument list starts at {@code from}, trimmed. */
    private static List<String> arguments(String code, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; ; i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0 || c == ')') {
                String argument = code.substring(start, i).trim();
                if (!argument.isEmpty() || c == ',') {
                    arguments.add(argument);
                }
                if (c == ')') {
                    return arguments;
                }
                start = i + 1;
            }
        }
    }

    /** The source with comments blanked out (line breaks kept, so line numbers hold); literals are left alone. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i) - 1;
            } else if (source.startsWith("//", i) || source.startsWith("/*", i)) {
                int end = source.startsWith("//", i) ? source.indexOf('\n', i) : source.indexOf("*/", i) + 2;
                end = end < i ? source.length() : end;
                for (int j = i; j < end; j++) {
                    if (out.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** The index just after the string, text block or character literal that starts at {@code start}. */
    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        if (code.startsWith("\"\"\"", start)) {
            return code.indexOf("\"\"\"", start + 3) + 3;
        }
        int i = start + 1;
        while (code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
