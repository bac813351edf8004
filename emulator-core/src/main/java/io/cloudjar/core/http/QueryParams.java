package io.cloudjar.core.http;

import io.cloudjar.core.util.PercentCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded {@code name=value&...} pairs from a query string or form body, order kept, names case-sensitive. */
public final class QueryParams {
    private final LinkedHashMap<String, List<String>> values = new LinkedHashMap<>();

    public static QueryParams parse(String raw) {
        QueryParams params = new QueryParams();
        params.addAll(raw);
        return params;
    }

    /** Adds the pairs of another raw string (a form body adds to the URL's query). */
    public void addAll(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : PercentCodec.decode(pair.substring(eq + 1), true);
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
    }

    public String get(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
