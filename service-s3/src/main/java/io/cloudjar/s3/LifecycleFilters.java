package io.cloudjar.s3;

import io.cloudjar.s3.model.StoredObject;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;

/** Which objects a lifecycle rule covers: its prefix (filter or the legacy rule prefix), tags and sizes. */
final class LifecycleFilters {
    private LifecycleFilters() {
    }

    static String prefix(LifecycleRule rule) {
        LifecycleRuleFilter f = rule.filter();
        String prefix = f == null ? rule.prefix() : f.prefix() != null ? f.prefix() : f.and() != null ? f.and().prefix() : null;
        return prefix == null ? "" : prefix;
    }

    /** The filter's tag and size conditions (its prefix is checked by {@link #prefix}). */
    static boolean matches(LifecycleRule rule, StoredObject object) {
        LifecycleRuleFilter f = rule.filter();
        if (f == null) {
            return true;
        }
        if (f.tag() != null && !hasTag(object.tags(), f.tag())) {
            return false;
        }
        if (!withinSize(object, f.objectSizeGreaterThan(), f.objectSizeLessThan())) {
            return false;
        }
        LifecycleRuleAndOperator and = f.and();
        return and == null || (and.tags().stream().allMatch(t -> hasTag(object.tags(), t))
                && withinSize(object, and.objectSizeGreaterThan(), and.objectSizeLessThan()));
    }

    /** True when the rule names a minimum size itself, which overrides the bucket's default transition minimum. */
    static boolean namesMinimumSize(LifecycleRule rule) {
        LifecycleRuleFilter f = rule.filter();
        return f != null && (f.objectSizeGreaterThan() != null || f.and() != null && f.and().objectSizeGreaterThan() != null);
    }

    /** True when the rule filters on tags (S3 refuses those with AbortIncompleteMultipartUpload). */
    static boolean hasTags(LifecycleRule rule) {
        LifecycleRuleFilter f = rule.filter();
        return f != null && (f.tag() != null || f.and() != null && !f.and().tags().isEmpty());
    }

    private static boolean hasTag(Map<String, String> tags, Tag tag) {
        return tag.value() != null && tag.value().equals(tags.get(tag.key()));
    }

    private static boolean withinSize(StoredObject object, Long greaterThan, Long lessThan) {
        return (greaterThan == null || object.size() > greaterThan) && (lessThan == null || object.size() < lessThan);
    }
}
