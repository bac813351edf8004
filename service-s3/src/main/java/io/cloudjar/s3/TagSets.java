package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.util.PercentCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.Tag;

/** Object tag sets: from {@code x-amz-tagging} (URL-encoded pairs) or a Tagging document, with S3's limits. */
final class TagSets {
    private static final int MAX_TAGS = 10;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;

    private TagSets() {
    }

    /** {@code a=1&b=2}; null or empty means no tags. */
    static Map<String, String> fromHeader(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = PercentCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : PercentCodec.decode(pair.substring(eq + 1), true);
            add(tags, key, value);
        }
        return validate(tags);
    }

    static Map<String, String> fromTags(List<Tag> tagSet) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : tagSet == null ? List.<Tag>of() : tagSet) {
            if (tag.key() == null) {
                throw AwsErrors.of("MalformedXML", 400,
                        "The XML you provided was not well-formed or did not validate against our published schema");
            }
            add(tags, tag.key(), tag.value() == null ? "" : tag.value());
        }
        return validate(tags);
    }

    static List<Tag> toTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static void add(Map<String, String> tags, String key, String value) {
        if (tags.put(key, value) != null) {
            throw invalidTag("Cannot provide multiple Tags with the same key", key);
        }
    }

    private static Map<String, String> validate(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw invalidTag("Object tags cannot be greater than 10", null);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().codePointCount(0, tag.getKey().length()) > MAX_KEY) {
                throw invalidTag("The TagKey you have provided is invalid", tag.getKey());
            }
            if (tag.getValue().codePointCount(0, tag.getValue().length()) > MAX_VALUE) {
                throw invalidTag("The TagValue you have provided is invalid", tag.getKey());
            }
        }
        return tags;
    }

    private static AwsException invalidTag(String message, String key) {
        return AwsErrors.of("InvalidTag", 400, message).withDetail("TagKey", key);
    }
}
