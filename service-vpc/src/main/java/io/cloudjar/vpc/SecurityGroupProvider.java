package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.SecurityGroupRuleRecord.Permission;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups: a name unique within its VPC ({@code default} is AWS's), a new group allows all
 * outbound traffic, and a group cannot go while interfaces or other groups' rules use it.
 */
public final class SecurityGroupProvider extends NetworkProvider {
    private static final Describe<SecurityGroup> DESCRIBE =
            new Describe<>(SecurityGroupViews.FILTERS, SecurityGroup::groupId, "GroupIds");
    private static final int MAX_NAME = 255;

    public CreateSecurityGroupResponse createSecurityGroup(CallContext ctx, CreateSecurityGroupRequest request) {
        String name = request.groupName();
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "groupName");
        }
        if (name.equals(SecurityGroupRecord.DEFAULT_NAME)) {
            throw Ec2Errors.of("InvalidParameterValue#groupNameDefault");
        }
        if (name.startsWith("sg-")) {
            throw Ec2Errors.of("InvalidParameterValue#groupNameSg");
        }
        if (name.length() > MAX_NAME || request.description() == null || request.description().length() > MAX_NAME) {
            throw Ec2Errors.of("InvalidParameterValue#groupNameLength", name);
        }
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "security-group");
        NetworkState state = state(ctx);
        SecurityGroupRecord group = state.write(() -> {
            VpcRecord vpc = request.vpcId() != null ? state.vpc(request.vpcId()) : state.vpcs.first(v -> v.isDefault)
                    .orElseThrow(() -> Ec2Errors.of("VPCIdNotSpecified"));
            return create(state, vpc, name, request.description(), tags);
        });
        return CreateSecurityGroupResponse.builder().groupId(group.id)
                .securityGroupArn(SecurityGroupViews.arn(state, group.ownerId, "security-group", group.id))
                .tags(group.tags.isEmpty() ? null : io.cloudjar.vpc.api.Tags.toSdk(group.tags)).build();
    }

    public DescribeSecurityGroupsResponse describeSecurityGroups(CallContext ctx, DescribeSecurityGroupsRequest request) {
        List<Filters.Filter> filters = DESCRIBE.check(request.filters(), concat(request.groupIds(), request.groupNames()),
                request.maxResults());
        NetworkState state = state(ctx);
        List<SecurityGroup> candidates = state.read(() -> {
            if (request.groupIds().isEmpty() && request.groupNames().isEmpty()) {
                return state.securityGroups.all().stream().map(g -> SecurityGroupViews.render(state, g)).toList();
            }
            return Stream.concat(new LinkedHashSet<>(request.groupIds()).stream().map(id -> byId(state, id)),
                            new LinkedHashSet<>(request.groupNames()).stream().map(n -> byDefaultVpcName(state, n)))
                    .distinct().map(g -> SecurityGroupViews.render(state, g)).toList();
        });
        Pages.Page<SecurityGroup> page = DESCRIBE.page(candidates, filters, request.maxResults(), request.nextToken());
        return DescribeSecurityGroupsResponse.builder().securityGroups(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteSecurityGroupResponse deleteSecurityGroup(CallContext ctx, DeleteSecurityGroupRequest request) {
        NetworkState state = state(ctx);
        String groupId = state.write(() -> {
            SecurityGroupRecord group = resolve(state, request.groupId(), request.groupName());
            if (group.isDefault()) {
                throw Ec2Errors.of("CannotDelete", group.id);
            }
            boolean used = state.interfaces.first(i -> i.groupIds.contains(group.id)).isPresent()
                    || state.endpoints.first(e -> e.groupIds.contains(group.id)).isPresent()
                    || state.securityGroups.first(g -> g != group && g.rules.values().stream()
                            .anyMatch(r -> group.id.equals(r.permission.referencedGroupId()))).isPresent();
            if (used) {
                throw Ec2Errors.of("DependencyViolation#securityGroup", group.id);
            }
            group.rules.keySet().forEach(state.ruleGroups::remove);
            state.securityGroups.remove(group.id);
            return group.id;
        });
        return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(groupId).build();
    }

    /** A group by id, or by name in the default VPC (as EC2 resolves the legacy {@code GroupName} parameter). */
    /** A new group in {@code vpc} (under the state's write lock), allowing all outbound traffic as AWS's new groups do. */
    static SecurityGroupRecord create(NetworkState state, VpcRecord vpc, String name, String description,
                                      Map<String, String> tags) {
        if (state.securityGroups.first(g -> g.vpcId.equals(vpc.id) && g.groupName.equals(name)).isPresent()) {
            throw Ec2Errors.of("InvalidGroup.Duplicate", name, vpc.id);
        }
        SecurityGroupRecord g = state.securityGroups.add(new SecurityGroupRecord(Ids.ec2("sg"), name, description,
                vpc.id, state.accountId, tags));
        SecurityGroupRules.add(state, g, true, new Permission("-1", -1, -1, VpcCompanions.ALL_IPV4, null, null, null, null),
                null, Map.of());
        if (vpc.hasIpv6()) {
            SecurityGroupRules.add(state, g, true, new Permission("-1", -1, -1, null, VpcCompanions.ALL_IPV6, null, null, null),
                    null, Map.of());
        }
        return g;
    }

    static SecurityGroupRecord resolve(NetworkState state, String groupId, String groupName) {
        if (groupId != null) {
            return byId(state, groupId);
        }
        if (groupName != null) {
            return byDefaultVpcName(state, groupName);
        }
        throw Ec2Errors.of("MissingParameter", "groupId");
    }

    static SecurityGroupRecord byId(NetworkState state, String groupId) {
        if (!groupId.startsWith("sg-")) {
            throw Ec2Errors.of("InvalidGroupId.Malformed", groupId);
        }
        return state.securityGroups.get(groupId);
    }

    static SecurityGroupRecord byDefaultVpcName(NetworkState state, String name) {
        VpcRecord vpc = state.vpcs.first(v -> v.isDefault)
                .orElseThrow(() -> Ec2Errors.of("VPCIdNotSpecified"));
        return state.securityGroups.first(g -> g.vpcId.equals(vpc.id) && g.groupName.equals(name))
                .orElseThrow(() -> Ec2Errors.of("InvalidGroup.NotFound#name", name, true ? "default " : "", vpc.id));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
