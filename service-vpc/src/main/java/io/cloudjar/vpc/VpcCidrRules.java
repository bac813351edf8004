package io.cloudjar.vpc;

import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.List;

/** Which IPv4 blocks a VPC may have: canonical CIDR text with a netmask between /16 and /28. */
final class VpcCidrRules {
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 28;
    private static final List<Ipv4Cidr> PRIVATE_RANGES = List.of(Ipv4Cidr.parse("10.0.0.0/8").orElseThrow(),
            Ipv4Cidr.parse("172.16.0.0/12").orElseThrow(), Ipv4Cidr.parse("192.168.0.0/16").orElseThrow());

    private VpcCidrRules() {
    }

    /** The VPC's primary block; an IPAM pool is checked first since no pool exists to allocate from. */
    static Ipv4Cidr primary(String cidrBlock, String ipv4IpamPoolId) {
        if (ipv4IpamPoolId != null) {
            throw Ec2Errors.of("InvalidIpamPoolId.NotFound", ipv4IpamPoolId);
        }
        if (cidrBlock == null) {
            throw Ec2Errors.of("MissingParameter#vpcCidr");
        }
        return block(cidrBlock);
    }

    /** Text first (bad syntax or host bits), then size, in the order AWS reports them. */
    static Ipv4Cidr block(String cidrBlock) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(cidrBlock).orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#cidrBlock", cidrBlock));
        if (cidr.prefix() < LARGEST_PREFIX || cidr.prefix() > SMALLEST_PREFIX) {
            throw Ec2Errors.of("InvalidVpc.Range", cidrBlock);
        }
        return cidr;
    }

    /** Whether two blocks come from different RFC 1918 ranges, which one VPC may not mix. */
    static boolean crossesPrivateRanges(Ipv4Cidr primary, Ipv4Cidr added) {
        int a = privateRange(primary);
        int b = privateRange(added);
        return a != b && a >= 0 && b >= 0;
    }

    private static int privateRange(Ipv4Cidr cidr) {
        for (int i = 0; i < PRIVATE_RANGES.size(); i++) {
            if (PRIVATE_RANGES.get(i).contains(cidr)) {
                return i;
            }
        }
        return -1;
    }
}
