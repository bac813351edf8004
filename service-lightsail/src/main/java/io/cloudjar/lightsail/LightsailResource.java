package io.cloudjar.lightsail;

/**
 * A resource kept in a {@link Table}: an immutable record with its {@link ResourceMeta}. {@code withMeta} lets the
 * shared calls (tags) replace the common part without knowing the resource.
 */
interface LightsailResource<R extends LightsailResource<R>> {
    ResourceMeta meta();

    R withMeta(ResourceMeta meta);

    default String name() {
        return meta().name();
    }
}
