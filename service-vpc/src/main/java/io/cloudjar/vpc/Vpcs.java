package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.VpcRecord.CidrAssociation;
import io.cloudjar.vpc.VpcRecord.Ipv6Association;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6BlockPool;
import java.time.Instant;
import java.util.Map;

/** Creating and deleting VPCs with their companions, for CreateVpc, CreateDefaultVpc and the default VPC. */
final class Vpcs {
    private Vpcs() {
    }

    /** What a new VPC is made of, once the request has been validated. */
    record Spec(Ipv4Cidr cidr, String instanceTenancy, boolean isDefault, String ipv6BorderGroup, Map<String, String> tags) {
    }

    /** Creates the VPC and its main route table, default network ACL and default security group. */
    static VpcRecord create(NetworkState state, Spec spec) {
        VpcRecord vpc = new VpcRecord(Ids.ec2("vpc"), state.accountId, spec.isDefault(), spec.instanceTenancy(),
                state.defaultDhcpOptionsId, spec.tags());
        vpc.cidrs.add(new CidrAssociation(associationId(), spec.cidr().toString(), VpcRecord.ASSOCIATED));
        if (spec.ipv6BorderGroup() != null) {
            vpc.ipv6.add(new Ipv6Association(associationId(), state.ipv6Blocks.allocate(), spec.ipv6BorderGroup(),
                    Ipv6BlockPool.AMAZON_POOL, VpcRecord.ASSOCIATED));
        }
        state.vpcs.add(vpc);
        VpcCompanions.create(state, vpc);
        return vpc;
    }

    /** IPv4 and IPv6 associations share the {@code vpc-cidr-assoc-} prefix. */
    static String associationId() {
        return Ids.ec2("vpc-cidr-assoc");
    }

    /**
     * Deletes the VPC with its main route table, default ACL and default group, ending its peering
     * connections; refuses with DependencyViolation while anything else still lives in it or another
     * account's peering request awaits it, as AWS does. Takes the peering table's lock after the state's.
     */
    static void delete(NetworkStore store, NetworkState state, String vpcId, Instant now) {
        VpcRecord vpc = state.vpc(vpcId);
        boolean dependent = state.subnets.first(s -> s.vpcId.equals(vpcId)).isPresent()
                || state.internetGateways.first(g -> vpcId.equals(g.vpcId)).isPresent()
                || state.egressOnlyGateways.first(g -> g.vpcId.equals(vpcId)).isPresent()
                || state.natGateways.first(n -> n.vpcId.equals(vpcId) && n.live()).isPresent()
                || state.routeTables.first(t -> t.vpcId.equals(vpcId) && !t.isMain()).isPresent()
                || state.networkAcls.first(a -> a.vpcId.equals(vpcId) && !a.isDefault).isPresent()
                || state.securityGroups.first(g -> g.vpcId.equals(vpcId) && !g.isDefault()).isPresent()
                || state.interfaces.first(i -> i.vpcId.equals(vpcId)).isPresent()
                || state.endpoints.first(e -> e.vpcId.equals(vpcId)).isPresent()
                || store.peerings.awaitsAcceptance(state.accountId, state.region, vpcId);
        if (dependent) {
            throw Ec2Errors.of("DependencyViolation", "vpc", vpcId);
        }
        state.routeTables.remove(VpcCompanions.mainRouteTable(state, vpcId).id);
        state.networkAcls.remove(VpcCompanions.defaultAcl(state, vpcId).id);
        SecurityGroupRecord group = VpcCompanions.defaultGroup(state, vpcId);
        group.rules.keySet().forEach(state.ruleGroups::remove);
        state.securityGroups.remove(group.id);
        state.flowLogs.where(f -> f.resourceId.equals(vpcId)).forEach(f -> state.flowLogs.remove(f.id));
        state.natGateways.where(n -> n.vpcId.equals(vpcId)).forEach(n -> state.natGateways.remove(n.id));
        state.vpcs.remove(vpcId);
        store.peerings.vpcDeleted(state.accountId, state.region, vpcId, now);
        vpc.ipv6.forEach(a -> state.ipv6Blocks.release(a.ipv6CidrBlock()));
    }
}
