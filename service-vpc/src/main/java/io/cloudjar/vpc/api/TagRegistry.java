package io.cloudjar.vpc.api;

import java.util.Optional;

/**
 * Makes CreateTags, DeleteTags and DescribeTags (served by service-vpc) work on every EC2 resource id,
 * including other modules' (instances, volumes, snapshots, images, key pairs, …).
 *
 * <p>Usage from service-ec2's provider:
 * <pre>{@code
 * public void init(ServiceContext context) {
 *     TagRegistry tags = context.lookup(TagRegistry.class).orElseThrow();
 *     tags.register(new TaggableType("i", "instance", id -> Ec2Errors.of("InvalidInstanceID.NotFound", id), instanceTags));
 * }
 * }</pre>
 * Registration happens in {@code init}; an id prefix can be registered once. Tags given on create calls
 * ({@code TagSpecification.N}) are the owning module's business (see {@code support.TagSpecifications}).
 */
public interface TagRegistry {
    void register(TaggableType type);

    /** The type registered for an id such as {@code vpc-0a1b…}, by the part before its last dash-separated hex run. */
    Optional<TaggableType> typeOf(String resourceId);
}
