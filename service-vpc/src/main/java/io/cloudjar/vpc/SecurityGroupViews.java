package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.SecurityGroupRuleRecord.Permission;
import io.cloudjar.vpc.api.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Renders security groups as the SDK's {@code SecurityGroup} (rules with the same protocol and ports
 * grouped into one {@code IpPermission}, as AWS shows them) and single rules as {@code SecurityGroupRule}.
 */
final class SecurityGroupViews {
    static final Filters<SecurityGroup> FILTERS = withPermissions(new Filters<SecurityGroup>()
            .onValue("description", SecurityGroup::description)
            .onValue("group-id", SecurityGroup::groupId)
            .onValue("group-name", SecurityGroup::groupName)
            .onValue("owner-id", SecurityGroup::ownerId)
            .onValue("vpc-id", SecurityGroup::vpcId)
            .withTags(g -> Tags.asMap(g.tags())));
    static final Filters<SecurityGroupRule> RULE_FILTERS = new Filters<SecurityGroupRule>()
            .onValue("group-id", SecurityGroupRule::groupId)
            .onValue("security-group-rule-id", SecurityGroupRule::securityGroupRuleId)
            .withTags(r -> Tags.asMap(r.tags()));

    private SecurityGroupViews() {
    }

    static SecurityGroup render(NetworkState state, SecurityGroupRecord g) {
        SecurityGroup.Builder b = SecurityGroup.builder()
                .groupId(g.id)
                .groupName(g.groupName)
                .description(g.description)
                .vpcId(g.vpcId)
                .ownerId(g.ownerId)
                .securityGroupArn(arn(state, g.ownerId, "security-group", g.id))
                .ipPermissions(permissions(g.rules(false)))
                .ipPermissionsEgress(permissions(g.rules(true)));
        if (!g.tags.isEmpty()) {
            b.tags(Tags.toSdk(g.tags));
        }
        return b.build();
    }

    static SecurityGroupRule rule(NetworkState state, SecurityGroupRuleRecord r) {
        Permission p = r.permission;
        SecurityGroupRule.Builder b = SecurityGroupRule.builder()
                .securityGroupRuleId(r.id)
                .groupId(r.groupId)
                .groupOwnerId(r.groupOwnerId)
                .isEgress(r.egress)
                .ipProtocol(p.ipProtocol())
                .fromPort(p.fromPort())
                .toPort(p.toPort())
                .cidrIpv4(p.cidrIpv4())
                .cidrIpv6(p.cidrIpv6())
                .prefixListId(p.prefixListId())
                .description(r.description)
                .securityGroupRuleArn(arn(state, r.groupOwnerId, "security-group-rule", r.id));
        if (p.referencedGroupId() != null) {
            b.referencedGroupInfo(ReferencedSecurityGroup.builder().groupId(p.referencedGroupId()).userId(p.referencedUserId()).build());
        }
        b.tags(Tags.toSdk(r.tags));
        return b.build();
    }

    /** Rules of one direction grouped by protocol and ports, in the order the groups first appear. */
    static List<IpPermission> permissions(List<SecurityGroupRuleRecord> rules) {
        Map<List<Object>, IpPermission.Builder> grouped = new LinkedHashMap<>();
        Map<List<Object>, List<SecurityGroupRuleRecord>> members = new LinkedHashMap<>();
        for (SecurityGroupRuleRecord r : rules) {
            Permission p = r.permission;
            List<Object> key = List.of(p.ipProtocol(), p.fromPort(), p.toPort());
            grouped.computeIfAbsent(key, k -> {
                IpPermission.Builder b = IpPermission.builder().ipProtocol(p.ipProtocol());
                if (SecurityGroupRules.hasPorts(p.ipProtocol())) {
                    b.fromPort(p.fromPort()).toPort(p.toPort());
                }
                return b;
            });
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<IpPermission> out = new ArrayList<>();
        grouped.forEach((key, b) -> {
            List<SecurityGroupRuleRecord> rs = members.get(key);
            out.add(b.ipRanges(rs.stream().filter(r -> r.permission.cidrIpv4() != null)
                            .map(r -> IpRange.builder().cidrIp(r.permission.cidrIpv4()).description(r.description).build()).toList())
                    .ipv6Ranges(rs.stream().filter(r -> r.permission.cidrIpv6() != null)
                            .map(r -> Ipv6Range.builder().cidrIpv6(r.permission.cidrIpv6()).description(r.description).build()).toList())
                    .prefixListIds(rs.stream().filter(r -> r.permission.prefixListId() != null)
                            .map(r -> PrefixListId.builder().prefixListId(r.permission.prefixListId()).description(r.description).build())
                            .toList())
                    .userIdGroupPairs(rs.stream().filter(r -> r.permission.referencedGroupId() != null)
                            .map(r -> UserIdGroupPair.builder().groupId(r.permission.referencedGroupId())
                                    .userId(r.permission.referencedUserId()).description(r.description).build()).toList())
                    .build());
        });
        return out;
    }

    static String arn(NetworkState state, String ownerId, String type, String id) {
        return "arn:aws:ec2:" + state.region + ":" + ownerId + ":" + type + "/" + id;
    }

    private static Filters<SecurityGroup> withPermissions(Filters<SecurityGroup> filters) {
        for (String prefix : new String[] {"ip-permission.", "egress.ip-permission."}) {
            Function<SecurityGroup, List<IpPermission>> of = prefix.startsWith("egress")
                    ? SecurityGroup::ipPermissionsEgress : SecurityGroup::ipPermissions;
            filters.on(prefix + "cidr", flat(of, p -> p.ipRanges().stream().map(IpRange::cidrIp).toList()))
                    .on(prefix + "ipv6-cidr", flat(of, p -> p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList()))
                    .on(prefix + "prefix-list-id", flat(of, p -> p.prefixListIds().stream().map(PrefixListId::prefixListId).toList()))
                    .on(prefix + "group-id", flat(of, p -> p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()))
                    .on(prefix + "group-name", flat(of, p -> p.userIdGroupPairs().stream().map(UserIdGroupPair::groupName).toList()))
                    .on(prefix + "user-id", flat(of, p -> p.userIdGroupPairs().stream().map(UserIdGroupPair::userId).toList()))
                    .on(prefix + "protocol", flat(of, p -> List.of(p.ipProtocol())))
                    .on(prefix + "from-port", flat(of, p -> p.fromPort() == null ? List.of() : List.of(String.valueOf(p.fromPort()))))
                    .on(prefix + "to-port", flat(of, p -> p.toPort() == null ? List.of() : List.of(String.valueOf(p.toPort()))));
        }
        return filters;
    }

    private static Function<SecurityGroup, Collection<String>> flat(Function<SecurityGroup, List<IpPermission>> of,
                                                                   Function<IpPermission, List<String>> values) {
        return g -> of.apply(g).stream().flatMap(p -> values.apply(p).stream()).filter(Objects::nonNull).toList();
    }
}
