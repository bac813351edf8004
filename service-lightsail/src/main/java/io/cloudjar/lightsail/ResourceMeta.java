package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ResourceLocation;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.Tag;

/**
 * What every Lightsail resource answers beside its own fields: name, ARN (named by a UUID, not the name), support
 * code, creation time, location, type and tags. Immutable; a record holding it is replaced whole on change.
 *
 * @param tags in the order added; a tag without a value maps to null (Lightsail allows key-only tags)
 */
record ResourceMeta(String name, String arn, String supportCode, Instant createdAt, String availabilityZone,
                    String region, ResourceType type, Map<String, String> tags) {

    ResourceMeta {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A new resource: a fresh ARN; {@code supportId} is what AWS puts after the account in the support code. */
    static ResourceMeta create(LightsailScope scope, ResourceType type, String name, String availabilityZone,
                               String supportId, Map<String, String> tags) {
        return new ResourceMeta(name, LightsailArns.create(scope, type), scope.account() + "/" + supportId, scope.now(),
                availabilityZone, scope.region(), type, tags);
    }

    /** Where it is: regional resources (key pairs, static IPs, domains) carry the zone {@code all}. */
    ResourceLocation location() {
        return ResourceLocation.builder().availabilityZone(availabilityZone).regionName(region).build();
    }

    List<Tag> sdkTags() {
        return LightsailTags.toSdk(tags);
    }

    ResourceMeta withTags(Map<String, String> newTags) {
        return new ResourceMeta(name, arn, supportCode, createdAt, availabilityZone, region, type, newTags);
    }
}
