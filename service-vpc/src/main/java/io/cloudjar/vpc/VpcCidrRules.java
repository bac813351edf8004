package io.cloudjar.vpc;

import io.cloudjar.vpc.support.Ipv4Cidr;

/** Which IPv4 blocks a VPC may have: canonical CIDR text with a netmask between /16 and /28. */
final class VpcCidrRules {
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 28;

    private VpcCidrRules() {
    }

    /** The VPC's primary block; an IPAM pool is checked first since no pool exists to allocate from. */
    static Ipv4Cidr primary(String cidrBlock, String ipv4IpamPoolId) {
        if (ipv4IpamPoolId != null) {
            throw VpcErrors.ipamPoolNotFound(ipv4IpamPoolId);
        }
        if (cidrBlock == null) {
            throw VpcErrors.missingCidr();
        }
        return block(cidrBlock);
    }

    /** Text first (bad syntax or host bits), then size, in the order AWS reports them. */
    static Ipv4Cidr block(String cidrBlock) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(cidrBlock).orElseThrow(() -> VpcErrors.invalidCidr(cidrBlock));
        if (cidr.prefix() < LARGEST_PREFIX || cidr.prefix() > SMALLEST_PREFIX) {
            throw VpcErrors.cidrOutOfRange(cidrBlock);
        }
        return cidr;
    }
}
