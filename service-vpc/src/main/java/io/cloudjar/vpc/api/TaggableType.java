package io.cloudjar.vpc.api;

import io.cloudjar.core.errors.AwsException;
import java.util.function.Function;

/**
 * A kind of EC2 resource that CreateTags, DeleteTags and DescribeTags work on.
 *
 * @param idPrefix     the id prefix before the dash, e.g. {@code i} for {@code i-0123…}, {@code vol}, {@code ami}
 * @param resourceType the name DescribeTags reports and filters by, e.g. {@code instance}, {@code volume}, {@code image}
 * @param notFound     the error for an id of this kind that does not exist, e.g. {@code InvalidInstanceID.NotFound}
 * @param accessor     where the tags live
 */
public record TaggableType(String idPrefix, String resourceType, Function<String, AwsException> notFound,
                           TagAccessor accessor) {
}
