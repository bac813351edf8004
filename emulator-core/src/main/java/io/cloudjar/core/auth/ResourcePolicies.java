package io.cloudjar.core.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources a service keeps that have an owner and may have a resource-based policy (an S3 bucket and its
 * bucket policy). Services register one with {@link io.cloudjar.core.spi.ServiceContext#addResourcePolicies};
 * the authorizer asks, for each resource ARN of a call, who owns it and what its policy says. Resources no
 * service answers for are owned by the account in their ARN.
 */
@FunctionalInterface
public interface ResourcePolicies {
    /**
     * The owner and resource-based policy of {@code resourceArn}, or empty when it is none of this service's
     * resources or does not exist.
     */
    Optional<ResourcePolicy> find(String resourceArn);

    /**
     * @param ownerAccountId the account owning the resource
     * @param policy         the policy document as stored, or null when the resource has none
     * @param id             how the policy is named in decisions (the simulator's source id), e.g. {@code BucketPolicy}
     * @param conditionKeys  what the resource adds to the request context: its tags as {@code aws:ResourceTag/<key>}
     *                       and the service's own form (see {@link #tagKeys})
     * @param grants         what the resource grants besides its policy (S3's ACL grants to everyone, written as a
     *                       policy document whose statements are weighed with the policy's), or null
     */
    record ResourcePolicy(String ownerAccountId, String policy, String id, Map<String, List<String>> conditionKeys,
                          String grants) {
        public ResourcePolicy {
            conditionKeys = conditionKeys == null ? Map.of() : Map.copyOf(conditionKeys);
        }

        public ResourcePolicy(String ownerAccountId, String policy, String id, Map<String, List<String>> conditionKeys) {
            this(ownerAccountId, policy, id, conditionKeys, null);
        }

        public ResourcePolicy(String ownerAccountId, String policy, String id) {
            this(ownerAccountId, policy, id, Map.of(), null);
        }
    }

    /**
     * A resource's tags as the condition keys policies test them by: {@code aws:ResourceTag/<key>} and the
     * service's own prefix ({@code ec2:ResourceTag/<key>}, {@code iam:ResourceTag/<key>}); null prefix for none.
     */
    static Map<String, List<String>> tagKeys(String servicePrefix, Map<String, String> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((key, value) -> {
            keys.put("aws:ResourceTag/" + key, List.of(value));
            if (servicePrefix != null) {
                keys.put(servicePrefix + ":ResourceTag/" + key, List.of(value));
            }
        });
        return keys;
    }

    /** Asks each in turn; the first that knows the resource answers. */
    static ResourcePolicies firstOf(List<ResourcePolicies> all) {
        return arn -> {
            for (ResourcePolicies p : all) {
                Optional<ResourcePolicy> found = p.find(arn);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }
}
