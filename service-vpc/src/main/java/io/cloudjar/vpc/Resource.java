package io.cloudjar.vpc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every stored networking resource has: its id and its tags (insertion order kept, one value per key).
 * Resources are mutable and guarded by their {@link NetworkState}'s lock: read them under its read lock,
 * change them under its write lock.
 */
abstract class Resource {
    final String id;
    final Map<String, String> tags = new LinkedHashMap<>();

    Resource(String id, Map<String, String> tags) {
        this.id = id;
        this.tags.putAll(tags);
    }

    String id() {
        return id;
    }

    Map<String, String> tags() {
        return tags;
    }
}
