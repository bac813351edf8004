package io.cloudjar.vpc;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default VPC every account has in every region, {@code 172.31.0.0/16}, created the first time the
 * account touches the region's networking (and again by CreateDefaultVpc): one default /20 subnet per
 * availability zone, an attached internet gateway and a main route table that sends 0.0.0.0/0 to it.
 */
final class DefaultVpc {
    static final String CIDR = "172.31.0.0/16";
    static final int SUBNET_PREFIX = 20;

    private DefaultVpc() {
    }

    /** Called once per fresh {@link NetworkState}, under its write lock. */
    static void install(NetworkStore store, NetworkState state) {
        DhcpOptionsRecord dhcp = new DhcpOptionsRecord(Ids.ec2("dopt"), state.accountId, defaultDhcpConfiguration(state.region), Map.of());
        state.dhcpOptions.add(dhcp);
        state.defaultDhcpOptionsId = dhcp.id;
        create(state);
    }

    /** The default VPC and its companions; the caller checked that none exists and holds the write lock. */
    static VpcRecord create(NetworkState state) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(CIDR).orElseThrow();
        VpcRecord vpc = Vpcs.create(state, new Vpcs.Spec(cidr, "default", true, null, Map.of()));
        List<RegionCatalog.Zone> zones = RegionCatalog.getOrDefault(state.region).zones();
        for (int i = 0; i < zones.size(); i++) {
            Subnets.create(state, vpc, subnetBlock(i), zones.get(i), true, Map.of());
        }
        InternetGatewayRecord igw = new InternetGatewayRecord(Ids.ec2("igw"), state.accountId, Map.of());
        igw.vpcId = vpc.id;
        state.internetGateways.add(igw);
        VpcCompanions.mainRouteTable(state, vpc.id).routes.add(new RouteRecord(VpcCompanions.ALL_IPV4, null, null, igw.id,
                null, null, null, null, null, null, "CreateRoute"));
        return vpc;
    }

    /** The default subnet of the zone at {@code index}: 172.31.0.0/20, 172.31.16.0/20, … */
    static Ipv4Cidr subnetBlock(int index) {
        Ipv4Cidr vpc = Ipv4Cidr.parse(CIDR).orElseThrow();
        return new Ipv4Cidr(vpc.address() + (index << (32 - SUBNET_PREFIX)), SUBNET_PREFIX);
    }

    /** What AWS gives a region's default DHCP option set. */
    static Map<String, List<String>> defaultDhcpConfiguration(String region) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("domain-name", List.of(DnsNames.internalDomain(region)));
        options.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        return options;
    }
}
