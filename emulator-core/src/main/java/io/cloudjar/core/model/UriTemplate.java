package io.cloudjar.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model request URI such as {@code /{Bucket}/{Key+}?list-type=2}: path labels ({@code +} is greedy)
 * and query literals that must be present for the operation to match.
 */
public final class UriTemplate {
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    private final String source;
    private final Pattern pathPattern;
    private final List<String> labels;
    private final Map<String, String> queryLiterals;

    private UriTemplate(String source, Pattern pathPattern, List<String> labels, Map<String, String> queryLiterals) {
        this.source = source;
        this.pathPattern = pathPattern;
        this.labels = labels;
        this.queryLiterals = queryLiterals;
    }

    public static UriTemplate parse(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> literals = new LinkedHashMap<>();
        if (q >= 0) {
            for (String part : uri.substring(q + 1).split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                literals.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? null : part.substring(eq + 1));
            }
        }
        StringBuilder regex = new StringBuilder();
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(path);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            labels.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        if (!path.endsWith("/") && !path.endsWith("+}")) {
            regex.append("/?"); // "/bucket/" addresses the bucket just as "/bucket" does
        }
        return new UriTemplate(uri, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(labels), literals);
    }

    /**
     * Matches a raw (still percent-encoded) path; returns the raw label values, or null when it does not
     * match. Callers decode the values, so an encoded slash in an S3 key stays part of the key.
     */
    public Map<String, String> matchPath(String rawPath) {
        Matcher m = pathPattern.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), m.group(i + 1));
        }
        return values;
    }

    /** Query literals of the template: name → required value, or null when only presence counts. */
    public Map<String, String> queryLiterals() {
        return queryLiterals;
    }

    public List<String> labels() {
        return labels;
    }

    @Override
    public String toString() {
        return source;
    }
}
