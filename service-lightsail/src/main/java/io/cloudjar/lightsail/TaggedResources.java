package io.cloudjar.lightsail;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/** Finding the resource a tag call names, and replacing its tags, whatever its type. */
final class TaggedResources {
    /** Types whose resources have no tags in Lightsail (their shapes have no tags member). */
    private static final List<ResourceType> UNTAGGABLE = List.of(ResourceType.STATIC_IP, ResourceType.PEERED_VPC,
            ResourceType.EXPORT_SNAPSHOT_RECORD, ResourceType.CLOUD_FORMATION_STACK_RECORD);

    private TaggedResources() {
    }

    /** By name; with an ARN, the resource of that name must be the one the ARN names. */
    static LightsailResource<?> find(LightsailState state, String name, String arn) {
        List<LightsailResource<?>> candidates = state.named(name)
                .filter(r -> arn == null || arn.isEmpty() || r.meta().arn().equals(arn))
                .toList();
        if (candidates.isEmpty()) {
            throw LightsailErrors.notFound("The resource does not exist: %s", name);
        }
        LightsailResource<?> resource = candidates.stream().filter(r -> !UNTAGGABLE.contains(r.meta().type()))
                .findFirst()
                .orElseThrow(() -> LightsailErrors.invalidInput("Resources of type %s cannot be tagged.",
                        candidates.get(0).meta().type()));
        return resource;
    }

    /** Puts the resource back with {@code tags}; answers its new common part. */
    static ResourceMeta replaceTags(LightsailState state, LightsailResource<?> resource, Map<String, String> tags) {
        return replace(state, resource, resource.meta().withTags(tags));
    }

    @SuppressWarnings("unchecked")
    private static <R extends LightsailResource<R>> ResourceMeta replace(LightsailState state, LightsailResource<?> resource,
                                                                       ResourceMeta meta) {
        Table<R> table = (Table<R>) state.table(meta.type()).orElseThrow();
        table.put(((R) resource).withMeta(meta));
        return meta;
    }
}
