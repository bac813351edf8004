package io.cloudjar.vpc;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.Map;

/** Creating and deleting subnets, shared by CreateSubnet, CreateDefaultSubnet and the default VPC. */
final class Subnets {
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 28;

    private Subnets() {
    }

    /**
     * Checks the block against the VPC (inside one of its blocks, /16–/28, no overlap with another subnet),
     * creates the subnet and associates it with the VPC's default network ACL. Caller holds the write lock.
     */
    static SubnetRecord create(NetworkState state, VpcRecord vpc, Ipv4Cidr cidr, RegionCatalog.Zone zone,
                               boolean defaultForAz, Map<String, String> tags) {
        boolean inside = vpc.ipv4Blocks().stream().anyMatch(b -> b.contains(cidr));
        if (!inside || cidr.prefix() < LARGEST_PREFIX || cidr.prefix() > SMALLEST_PREFIX) {
            throw Ec2Errors.of("InvalidSubnet.Range", cidr.toString());
        }
        if (state.subnets.first(s -> s.vpcId.equals(vpc.id) && s.cidr.overlaps(cidr)).isPresent()) {
            throw Ec2Errors.of("InvalidSubnet.Conflict", cidr.toString());
        }
        SubnetRecord subnet = new SubnetRecord(Ids.ec2("subnet"), vpc.id, state.accountId, cidr, zone.name(), zone.zoneId(),
                defaultForAz, tags);
        state.subnets.add(subnet);
        VpcCompanions.defaultAcl(state, vpc.id).associations.add(new NetworkAclRecord.Association(Ids.ec2("aclassoc"), subnet.id));
        return subnet;
    }

    /** Refuses while interfaces (instances, NAT gateways, endpoints) use the subnet. */
    static void delete(NetworkState state, String subnetId) {
        SubnetRecord subnet = state.subnet(subnetId);
        if (state.interfaces.first(i -> i.subnetId.equals(subnetId)).isPresent()
                || state.natGateways.first(n -> n.subnetId.equals(subnetId) && n.live()).isPresent()) {
            throw Ec2Errors.of("DependencyViolation", "subnet", subnetId);
        }
        for (NetworkAclRecord acl : state.networkAcls.where(a -> a.vpcId.equals(subnet.vpcId))) {
            acl.associations.removeIf(a -> a.subnetId().equals(subnetId));
        }
        for (RouteTableRecord table : state.routeTables.where(t -> t.vpcId.equals(subnet.vpcId))) {
            table.associations.removeIf(a -> subnetId.equals(a.subnetId()));
        }
        state.flowLogs.where(f -> f.resourceId.equals(subnetId)).forEach(f -> state.flowLogs.remove(f.id));
        state.subnets.remove(subnetId);
    }

    /** The zone of the region by name or zone id; InvalidParameterValue naming the valid zones otherwise. */
    static RegionCatalog.Zone zone(String region, String name, String zoneId) {
        var zones = RegionCatalog.getOrDefault(region).zones();
        if (name == null && zoneId == null) {
            return zones.get(0);
        }
        return zones.stream().filter(z -> z.name().equals(name) || z.zoneId().equals(zoneId)).findFirst()
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#subnetZones", name != null ? name : zoneId,
                        String.join(", ", zones.stream().map(RegionCatalog.Zone::name).toList())));
    }
}
