package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.TagResourceRequest;
import software.amazon.awssdk.services.lightsail.model.TagResourceResponse;
import software.amazon.awssdk.services.lightsail.model.UntagResourceRequest;
import software.amazon.awssdk.services.lightsail.model.UntagResourceResponse;

/**
 * TagResource and UntagResource on any resource of a taggable type, found by name (and by ARN when one is given,
 * which must then be that resource's). Each answers one operation on the resource.
 */
public final class TagsProvider extends LightsailProvider {
    @Override
    public void init(ServiceContext context) {
        super.init(context);
        LightsailAuthorization.register(context, store); // once, here: the resolvers serve every Lightsail rule
    }

    public TagResourceResponse tagResource(CallContext ctx, TagResourceRequest request) {
        LightsailState state = state(ctx);
        Map<String, String> added = LightsailTags.of(request.tags());
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            LightsailResource<?> resource = TaggedResources.find(state, request.resourceName(), request.resourceArn());
            Map<String, String> merged = new LinkedHashMap<>(resource.meta().tags());
            merged.putAll(added);
            LightsailTags.checkCount(merged);
            ResourceMeta meta = TaggedResources.replaceTags(state, resource, merged);
            return TagResourceResponse.builder()
                    .operations(state.operations.record(scope, meta, "TagResource", null)).build();
        }
    }

    public UntagResourceResponse untagResource(CallContext ctx, UntagResourceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : List.of();
        synchronized (state.lock) {
            LightsailResource<?> resource = TaggedResources.find(state, request.resourceName(), request.resourceArn());
            Map<String, String> kept = new LinkedHashMap<>(resource.meta().tags());
            keys.forEach(kept::remove);
            ResourceMeta meta = TaggedResources.replaceTags(state, resource, kept);
            return UntagResourceResponse.builder()
                    .operations(state.operations.record(scope, meta, "UntagResource", null)).build();
        }
    }
}
