package io.cloudjar.vpc.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and changes the tags of one resource type, which the owning module keeps with its resources.
 * Implementations take their own lock; callers never hold another module's lock while calling them.
 */
public interface TagAccessor {
    /** The resource's tags in insertion order, or empty when no such resource exists in the scope. */
    Optional<Map<String, String>> tags(Scope scope, String resourceId);

    /**
     * Replaces the resource's tags with {@code change.apply(current)} atomically.
     *
     * @return false when no such resource exists in the scope
     */
    boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change);

    /** Every resource of this type in the scope that has at least one tag, id → tags (for DescribeTags). */
    Map<String, Map<String, String>> tagged(Scope scope);
}
