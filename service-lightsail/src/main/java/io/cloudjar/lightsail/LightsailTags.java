package io.cloudjar.lightsail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Tag;

/** Tags as Lightsail takes them: up to 50 per resource, keys of 1-128 and values of 0-256 characters, key-only allowed. */
final class LightsailTags {
    static final int MAX_PER_RESOURCE = 50;

    private LightsailTags() {
    }

    /** The tags of a create or TagResource call, checked; a key repeated keeps its last value. */
    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag tag : tags == null ? List.<Tag>of() : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw LightsailErrors.invalidInput("Tag keys must be between 1 and 128 characters long.");
            }
            if (tag.key().startsWith("aws:")) {
                throw LightsailErrors.invalidInput("Tag keys cannot start with the reserved prefix 'aws:'.");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw LightsailErrors.invalidInput("Tag values must be at most 256 characters long.");
            }
            out.put(tag.key(), tag.value());
        }
        checkCount(out);
        return out;
    }

    static void checkCount(Map<String, String> tags) {
        if (tags.size() > MAX_PER_RESOURCE) {
            throw LightsailErrors.invalidInput("A resource can have at most %d tags.", MAX_PER_RESOURCE);
        }
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }
}
