package io.cloudjar.vpc.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2 tags: the SDK's {@code Tag} lists on the wire, an insertion-ordered {@code Map} in the stores (one
 * value per key, as EC2 keeps them). A missing value is stored as the empty string, as EC2 returns it.
 */
public final class Tags {
    private Tags() {
    }

    /** Validated tags from a request; a later duplicate key replaces the earlier one. */
    public static Map<String, String> toMap(Collection<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            String key = tag.key();
            if (key == null || key.isEmpty()) {
                throw Ec2Errors.of("InvalidParameterValue#tagKeyEmpty");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw Ec2Errors.of("InvalidParameterValue#tagKeyReserved");
            }
            map.put(key, tag.value() == null ? "" : tag.value());
        }
        return map;
    }

    /** The tags of a rendered resource as a map, for filters; no validation. */
    public static Map<String, String> asMap(Collection<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    /** The SDK list for a response; empty when there are no tags (EC2 then omits {@code tagSet}). */
    public static List<Tag> toSdk(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
