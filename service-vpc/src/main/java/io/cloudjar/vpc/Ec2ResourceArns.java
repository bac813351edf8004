package io.cloudjar.vpc;

import io.cloudjar.core.auth.RuleResolver;
import io.cloudjar.core.auth.RuleScope;
import io.cloudjar.vpc.api.TaggableType;
import java.util.List;
import java.util.Map;

/**
 * The authorization rules' {@code {ec2ResourceArn(Resources)}}: the ARN of an EC2 resource named only by its id
 * (CreateTags' {@code Resources}, a route's {@code GatewayId}), its type told by the id's prefix, as tagging
 * knows them. Images and snapshots have no account in their ARNs. An id of no known type drops out.
 */
final class Ec2ResourceArns implements RuleResolver {
    static final String NAME = "ec2ResourceArn";

    private final Map<String, TaggableType> typesByPrefix;

    Ec2ResourceArns(Map<String, TaggableType> typesByPrefix) {
        this.typesByPrefix = typesByPrefix;
    }

    @Override
    public List<String> resolve(String id, RuleScope call) {
        int dash = id.indexOf('-');
        TaggableType type = dash <= 0 ? null : typesByPrefix.get(id.substring(0, dash));
        if (type == null) {
            return List.of();
        }
        String account = type.resourceType().equals("image") || type.resourceType().equals("snapshot") ? "" : call.account();
        return List.of("arn:" + call.partition() + ":ec2:" + call.region() + ":" + account + ":" + type.resourceType() + "/" + id);
    }
}
