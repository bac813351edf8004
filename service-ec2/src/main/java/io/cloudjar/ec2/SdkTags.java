package io.cloudjar.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Tags of a rendered SDK shape as a map, so Describe filters can run on what the caller will see. */
final class SdkTags {
    private SdkTags() {
    }

    static Map<String, String> map(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
