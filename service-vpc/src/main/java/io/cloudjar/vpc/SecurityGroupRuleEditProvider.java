package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.SecurityGroupRules.Requested;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressResponse;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressResponse;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** Changing existing rules in place: ModifySecurityGroupRules (by sgr- id) and the description updates. */
public final class SecurityGroupRuleEditProvider extends NetworkProvider {

    /** Each rule keeps its id and direction; its protocol, ports, peer and description are replaced. */
    public ModifySecurityGroupRulesResponse modifySecurityGroupRules(CallContext ctx, ModifySecurityGroupRulesRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            SecurityGroupRecord group = SecurityGroupProvider.byId(state, r.groupId());
            for (int i = 0; i < r.securityGroupRules().size(); i++) {
                SecurityGroupRuleUpdate update = r.securityGroupRules().get(i);
                if (update.securityGroupRule() == null) { // the model leaves it optional; the rule's new definition
                    throw Ec2Errors.of("MissingParameter", "SecurityGroupRule." + (i + 1) + ".SecurityGroupRule");
                }
                SecurityGroupRuleRecord old = group.rules.get(update.securityGroupRuleId());
                if (old == null) {
                    throw Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", update.securityGroupRuleId());
                }
                Requested q = SecurityGroupRules.expand(state, group, List.of(permission(update.securityGroupRule()))).get(0);
                SecurityGroupRuleRecord replaced = new SecurityGroupRuleRecord(old.id, old.groupId, old.groupOwnerId, old.egress,
                        q.permission(), q.description(), old.tags);
                boolean duplicate = group.rules(old.egress).stream()
                        .anyMatch(x -> x != old && x.permission.equals(q.permission()));
                if (duplicate) {
                    throw Ec2Errors.of("InvalidPermission.Duplicate", SecurityGroupRules.describe(q.permission()));
                }
                group.rules.put(old.id, replaced);
            }
        });
        return ModifySecurityGroupRulesResponse.builder().returnValue(true).build();
    }

    public UpdateSecurityGroupRuleDescriptionsIngressResponse updateSecurityGroupRuleDescriptionsIngress(
            CallContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest r) {
        describe(ctx, r.groupId(), r.groupName(), false, r.ipPermissions(), r.securityGroupRuleDescriptions());
        return UpdateSecurityGroupRuleDescriptionsIngressResponse.builder().returnValue(true).build();
    }

    public UpdateSecurityGroupRuleDescriptionsEgressResponse updateSecurityGroupRuleDescriptionsEgress(
            CallContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest r) {
        describe(ctx, r.groupId(), r.groupName(), true, r.ipPermissions(), r.securityGroupRuleDescriptions());
        return UpdateSecurityGroupRuleDescriptionsEgressResponse.builder().returnValue(true).build();
    }

    private void describe(CallContext ctx, String groupId, String groupName, boolean egress, List<IpPermission> permissions,
                          List<software.amazon.awssdk.services.ec2.model.SecurityGroupRuleDescription> byId) {
        NetworkState state = state(ctx);
        state.write(() -> {
            SecurityGroupRecord group = SecurityGroupProvider.resolve(state, groupId, groupName);
            for (var d : byId) {
                SecurityGroupRuleRecord rule = group.rules.get(d.securityGroupRuleId());
                if (rule == null || rule.egress != egress) {
                    throw Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", d.securityGroupRuleId());
                }
                rule.description = d.description();
            }
            for (Requested q : SecurityGroupRules.expand(state, group, permissions)) {
                SecurityGroupRuleProvider.find(group, egress, q.permission()).description = q.description();
            }
        });
    }

    private static IpPermission permission(SecurityGroupRuleRequest q) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(q.ipProtocol()).fromPort(q.fromPort()).toPort(q.toPort());
        if (q.cidrIpv4() != null) {
            b.ipRanges(IpRange.builder().cidrIp(q.cidrIpv4()).description(q.description()).build());
        } else if (q.cidrIpv6() != null) {
            b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(q.cidrIpv6()).description(q.description()).build());
        } else if (q.prefixListId() != null) {
            b.prefixListIds(PrefixListId.builder().prefixListId(q.prefixListId()).description(q.description()).build());
        } else if (q.referencedGroupId() != null) {
            b.userIdGroupPairs(UserIdGroupPair.builder().groupId(q.referencedGroupId()).description(q.description()).build());
        }
        return b.build();
    }
}
