package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.SecurityGroupRuleRecord.Permission;
import io.cloudjar.vpc.SecurityGroupRules.Requested;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Authorizing and revoking rules. A call adds or removes all its rules or none: duplicates, unknown rules
 * and the per-group limit are checked before anything changes.
 */
public final class SecurityGroupRuleProvider extends NetworkProvider {
    private static final Describe<SecurityGroupRule> DESCRIBE =
            new Describe<>(SecurityGroupViews.RULE_FILTERS, SecurityGroupRule::securityGroupRuleId, "SecurityGroupRuleIds");

    public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(CallContext ctx,
                                                                               AuthorizeSecurityGroupIngressRequest r) {
        List<IpPermission> permissions = withLegacy(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
                r.sourceSecurityGroupName());
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "security-group-rule");
        List<SecurityGroupRule> added = authorize(ctx, r.groupId(), r.groupName(), false, permissions, tags);
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).securityGroupRules(added).build();
    }

    public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(CallContext ctx,
                                                                             AuthorizeSecurityGroupEgressRequest r) {
        List<IpPermission> permissions = withLegacy(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
                r.sourceSecurityGroupName());
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "security-group-rule");
        List<SecurityGroupRule> added = authorize(ctx, r.groupId(), null, true, permissions, tags);
        return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true).securityGroupRules(added).build();
    }

    public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(CallContext ctx, RevokeSecurityGroupIngressRequest r) {
        List<IpPermission> permissions = withLegacy(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
                r.sourceSecurityGroupName());
        revoke(ctx, r.groupId(), r.groupName(), false, permissions, r.securityGroupRuleIds());
        return RevokeSecurityGroupIngressResponse.builder().returnValue(true).build();
    }

    public RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(CallContext ctx, RevokeSecurityGroupEgressRequest r) {
        List<IpPermission> permissions = withLegacy(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
                r.sourceSecurityGroupName());
        revoke(ctx, r.groupId(), null, true, permissions, r.securityGroupRuleIds());
        return RevokeSecurityGroupEgressResponse.builder().returnValue(true).build();
    }

    public DescribeSecurityGroupRulesResponse describeSecurityGroupRules(CallContext ctx, DescribeSecurityGroupRulesRequest r) {
        var filters = DESCRIBE.check(r.filters(), r.securityGroupRuleIds(), r.maxResults());
        NetworkState state = state(ctx);
        List<SecurityGroupRule> candidates = state.read(() -> r.securityGroupRuleIds().isEmpty()
                ? state.securityGroups.all().stream().flatMap(g -> g.rules.values().stream())
                        .map(rule -> SecurityGroupViews.rule(state, rule)).toList()
                : r.securityGroupRuleIds().stream().distinct().map(id -> SecurityGroupViews.rule(state, state.rule(id))).toList());
        Pages.Page<SecurityGroupRule> page = DESCRIBE.page(candidates, filters, r.maxResults(), r.nextToken());
        return DescribeSecurityGroupRulesResponse.builder().securityGroupRules(page.items()).nextToken(page.nextToken()).build();
    }

    private List<SecurityGroupRule> authorize(CallContext ctx, String groupId, String groupName, boolean egress,
                                              List<IpPermission> permissions, Map<String, String> tags) {
        NetworkState state = state(ctx);
        return state.write(() -> {
            SecurityGroupRecord group = SecurityGroupProvider.resolve(state, groupId, groupName);
            List<Requested> requested = SecurityGroupRules.expand(state, group, permissions);
            List<SecurityGroupRuleRecord> added = new ArrayList<>();
            try {
                for (Requested q : requested) {
                    added.add(SecurityGroupRules.add(state, group, egress, q.permission(), q.description(), tags));
                }
            } catch (RuntimeException e) {
                added.forEach(rule -> SecurityGroupRules.remove(state, group, rule)); // all or nothing
                throw e;
            }
            return added.stream().map(rule -> SecurityGroupViews.rule(state, rule)).toList();
        });
    }

    private void revoke(CallContext ctx, String groupId, String groupName, boolean egress, List<IpPermission> permissions,
                        List<String> ruleIds) {
        NetworkState state = state(ctx);
        state.write(() -> {
            SecurityGroupRecord group = SecurityGroupProvider.resolve(state, groupId, groupName);
            List<SecurityGroupRuleRecord> doomed = new ArrayList<>();
            for (String ruleId : ruleIds) {
                SecurityGroupRuleRecord rule = group.rules.get(ruleId);
                if (rule == null || rule.egress != egress) {
                    throw Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", ruleId);
                }
                doomed.add(rule);
            }
            for (Requested q : SecurityGroupRules.expand(state, group, permissions)) {
                doomed.add(find(group, egress, q.permission()));
            }
            doomed.forEach(rule -> SecurityGroupRules.remove(state, group, rule));
        });
    }

    static SecurityGroupRuleRecord find(SecurityGroupRecord group, boolean egress, Permission permission) {
        return group.rules(egress).stream().filter(rule -> rule.permission.equals(permission)).findFirst()
                .orElseThrow(() -> Ec2Errors.of("InvalidPermission.NotFound"));
    }

    /** The flat parameters older callers send ({@code CidrIp}, {@code IpProtocol}, …) as one more permission. */
    private static List<IpPermission> withLegacy(List<IpPermission> permissions, String protocol, Integer from, Integer to,
                                                 String cidr, String sourceGroupName) {
        if (protocol == null && cidr == null && sourceGroupName == null) {
            return permissions;
        }
        List<IpPermission> all = new ArrayList<>(permissions);
        IpPermission.Builder b = IpPermission.builder().ipProtocol(protocol == null ? "-1" : protocol).fromPort(from).toPort(to);
        if (cidr != null) {
            b.ipRanges(IpRange.builder().cidrIp(cidr).build());
        }
        if (sourceGroupName != null) {
            b.userIdGroupPairs(UserIdGroupPair.builder().groupName(sourceGroupName).build());
        }
        all.add(b.build());
        return all;
    }
}
