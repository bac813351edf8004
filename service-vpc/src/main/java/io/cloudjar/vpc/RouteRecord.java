package io.cloudjar.vpc;

/**
 * One route: a destination (IPv4 block, IPv6 block or prefix list) and one target. {@code gatewayId} holds
 * {@code local}, internet gateways, virtual private gateways and gateway VPC endpoints, as AWS reports them.
 *
 * @param origin {@code CreateRouteTable} (local routes), {@code CreateRoute} or {@code EnableVgwRoutePropagation}
 */
record RouteRecord(String destinationCidrBlock, String destinationIpv6CidrBlock, String destinationPrefixListId,
                   String gatewayId, String natGatewayId, String networkInterfaceId, String instanceId,
                   String vpcPeeringConnectionId, String egressOnlyInternetGatewayId, String transitGatewayId,
                   String origin) {
    static final String LOCAL = "local";

    static RouteRecord local(String cidr, boolean ipv6) {
        return new RouteRecord(ipv6 ? null : cidr, ipv6 ? cidr : null, null, LOCAL, null, null, null, null, null, null,
                "CreateRouteTable");
    }

    /** The destination as written: a CIDR block or a prefix list id. */
    String destination() {
        if (destinationCidrBlock != null) {
            return destinationCidrBlock;
        }
        return destinationIpv6CidrBlock != null ? destinationIpv6CidrBlock : destinationPrefixListId;
    }

    boolean isLocal() {
        return LOCAL.equals(gatewayId);
    }

    /** The id of whatever the route sends traffic to. */
    String target() {
        for (String t : new String[] {gatewayId, natGatewayId, networkInterfaceId, instanceId, vpcPeeringConnectionId,
                egressOnlyInternetGatewayId, transitGatewayId}) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
