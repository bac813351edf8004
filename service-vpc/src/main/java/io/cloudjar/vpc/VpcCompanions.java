package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.NetworkAclRecord.AclEntry;
import io.cloudjar.vpc.SecurityGroupRuleRecord.Permission;
import java.util.Map;

/**
 * What AWS creates with every VPC: the main route table with a local route per CIDR block, the default
 * network ACL that allows everything, and the {@code default} security group (all traffic from itself in,
 * everything out). Callers hold the state's write lock.
 */
final class VpcCompanions {
    static final String ALL_IPV4 = "0.0.0.0/0";
    static final String ALL_IPV6 = "::/0";

    private VpcCompanions() {
    }

    static void create(NetworkState state, VpcRecord vpc) {
        RouteTableRecord main = new RouteTableRecord(Ids.ec2("rtb"), vpc.id, vpc.ownerId, Map.of());
        vpc.cidrs.forEach(c -> main.routes.add(RouteRecord.local(c.cidrBlock(), false)));
        vpc.ipv6.forEach(c -> main.routes.add(RouteRecord.local(c.ipv6CidrBlock(), true)));
        main.associations.add(new RouteTableRecord.Association(Ids.ec2("rtbassoc"), true, null, null));
        state.routeTables.add(main);

        NetworkAclRecord acl = newAcl(vpc, true);
        addAllowAll(acl, false, vpc.hasIpv6());
        addAllowAll(acl, true, vpc.hasIpv6());
        state.networkAcls.add(acl);

        SecurityGroupRecord group = new SecurityGroupRecord(Ids.ec2("sg"), SecurityGroupRecord.DEFAULT_NAME,
                "default VPC security group", vpc.id, vpc.ownerId, Map.of());
        state.securityGroups.add(group);
        SecurityGroupRules.add(state, group, false, new Permission("-1", -1, -1, null, null, null, group.id, vpc.ownerId), null, Map.of());
        SecurityGroupRules.add(state, group, true, new Permission("-1", -1, -1, ALL_IPV4, null, null, null, null), null, Map.of());
        if (vpc.hasIpv6()) {
            SecurityGroupRules.add(state, group, true, new Permission("-1", -1, -1, null, ALL_IPV6, null, null, null), null, Map.of());
        }
    }

    /** A network ACL with only the catch-all deny entries (rule {@code *} in the console). */
    static NetworkAclRecord newAcl(VpcRecord vpc, boolean isDefault) {
        NetworkAclRecord acl = new NetworkAclRecord(Ids.ec2("acl"), vpc.id, vpc.ownerId, isDefault, Map.of());
        for (boolean egress : new boolean[] {false, true}) {
            acl.entries.add(entry(NetworkAclRecord.DENY_ALL_RULE, egress, "deny", ALL_IPV4, null));
            if (vpc.hasIpv6()) {
                acl.entries.add(entry(NetworkAclRecord.DENY_ALL_IPV6_RULE, egress, "deny", null, ALL_IPV6));
            }
        }
        acl.sortEntries();
        return acl;
    }

    /** The default ACL's allow-all entries: rule 100 for IPv4 and 101 for IPv6. */
    private static void addAllowAll(NetworkAclRecord acl, boolean egress, boolean ipv6) {
        acl.entries.add(entry(100, egress, "allow", ALL_IPV4, null));
        if (ipv6) {
            acl.entries.add(entry(101, egress, "allow", null, ALL_IPV6));
        }
        acl.sortEntries();
    }

    private static AclEntry entry(int rule, boolean egress, String action, String cidr, String ipv6Cidr) {
        return new AclEntry(rule, egress, "-1", action, cidr, ipv6Cidr, null, null, null, null);
    }

    static RouteTableRecord mainRouteTable(NetworkState state, String vpcId) {
        return state.routeTables.first(t -> t.vpcId.equals(vpcId) && t.isMain()).orElseThrow();
    }

    static NetworkAclRecord defaultAcl(NetworkState state, String vpcId) {
        return state.networkAcls.first(a -> a.vpcId.equals(vpcId) && a.isDefault).orElseThrow();
    }

    static SecurityGroupRecord defaultGroup(NetworkState state, String vpcId) {
        return state.securityGroups.first(g -> g.vpcId.equals(vpcId) && g.isDefault()).orElseThrow();
    }
}
