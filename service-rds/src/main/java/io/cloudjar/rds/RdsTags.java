package io.cloudjar.rds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.Tag;

/** Tags between the SDK's list and the stored map, in the order given. */
final class RdsTags {
    private RdsTags() {
    }

    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw RdsErrors.invalidValue("Tag keys must be between 1 and 128 characters long.");
            }
            if (tag.key().startsWith("aws:")) {
                throw RdsErrors.invalidValue("Tag keys must not start with 'aws:'.");
            }
            map.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return map;
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
