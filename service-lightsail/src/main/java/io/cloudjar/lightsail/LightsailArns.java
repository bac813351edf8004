package io.cloudjar.lightsail;

import java.util.UUID;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Lightsail ARNs name a resource by a UUID given at creation, not by its name:
 * {@code arn:aws:lightsail:us-east-1:123456789012:Instance/244ad76f-8aad-4741-809f-12345EXAMPLE}; the segment is
 * the resource type as the API spells it (Instance, StaticIp, KeyPair, InstanceSnapshot, Disk, Domain, ...).
 */
final class LightsailArns {
    private LightsailArns() {
    }

    static String create(LightsailScope scope, ResourceType type) {
        return "arn:" + scope.partition() + ":lightsail:" + scope.region() + ":" + scope.account() + ":" + type + "/"
                + UUID.randomUUID();
    }
}
