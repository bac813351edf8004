package io.cloudjar.iam.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tags of an IAM resource: at most 50, keys unique regardless of case (tagging "Team" replaces "team").
 * Guarded by the owning account's lock.
 */
public final class Tags {
    public static final int MAX = 50;

    private final Map<String, String> byKey = new LinkedHashMap<>();

    /** Adds or replaces tags; refuses duplicate keys within one call and more than 50 in all. */
    public void put(Map<String, String> tags) {
        Set<String> seen = new HashSet<>();
        for (String key : tags.keySet()) {
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw IamErrors.duplicateTagKeys();
            }
        }
        Map<String, String> next = new LinkedHashMap<>(byKey);
        tags.forEach((k, v) -> {
            next.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
            next.put(k, v);
        });
        if (next.size() > MAX) {
            throw IamErrors.tooManyTags();
        }
        byKey.clear();
        byKey.putAll(next);
    }

    public void remove(Collection<String> keys) {
        for (String key : keys) {
            byKey.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
        }
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byKey);
    }

    /** In insertion order, as AWS lists them. */
    public List<Map.Entry<String, String>> entries() {
        return new ArrayList<>(byKey.entrySet());
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}
