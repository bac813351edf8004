package io.cloudjar.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Case-insensitive, order-keeping multimap of HTTP header names to values. */
public final class Headers {
    private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Headers add(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        return this;
    }

    public Headers set(String name, String value) {
        List<String> list = new ArrayList<>(1);
        list.add(value);
        values.put(name, list);
        return this;
    }

    public Headers remove(String name) {
        values.remove(name);
        return this;
    }

    /** The first value, or null. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> getAll(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Each name's first value, looked up in any case. */
    public Map<String, String> firstValues() {
        TreeMap<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, list) -> first.put(name, list.get(0)));
        return Collections.unmodifiableMap(first);
    }

    public Set<Map.Entry<String, List<String>>> entries() {
        return Collections.unmodifiableSet(values.entrySet());
    }
}
