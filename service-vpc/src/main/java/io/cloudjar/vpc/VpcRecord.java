package io.cloudjar.vpc;

import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A VPC: its IPv4 blocks (primary first), IPv6 blocks, tenancy, DHCP options and DNS attributes. */
final class VpcRecord extends Resource {
    static final String ASSOCIATED = "associated";

    final String ownerId;
    final boolean isDefault;
    final List<CidrAssociation> cidrs = new ArrayList<>();
    final List<Ipv6Association> ipv6 = new ArrayList<>();
    String instanceTenancy;
    String dhcpOptionsId;
    boolean enableDnsSupport = true;
    boolean enableDnsHostnames;
    boolean enableNetworkAddressUsageMetrics;

    VpcRecord(String id, String ownerId, boolean isDefault, String instanceTenancy, String dhcpOptionsId,
              Map<String, String> tags) {
        super(id, tags);
        this.ownerId = ownerId;
        this.isDefault = isDefault;
        this.instanceTenancy = instanceTenancy;
        this.dhcpOptionsId = dhcpOptionsId;
        this.enableDnsHostnames = isDefault; // the default VPC resolves public DNS names; new VPCs do not
    }

    String cidrBlock() {
        return cidrs.get(0).cidrBlock();
    }

    /** Every IPv4 block of the VPC. */
    List<Ipv4Cidr> ipv4Blocks() {
        return cidrs.stream().map(c -> Ipv4Cidr.parse(c.cidrBlock()).orElseThrow()).toList();
    }

    boolean hasIpv6() {
        return !ipv6.isEmpty();
    }

    /** An IPv4 block of the VPC and its association. */
    record CidrAssociation(String associationId, String cidrBlock, String state) {
    }

    /** An IPv6 block of the VPC and its association. */
    record Ipv6Association(String associationId, String ipv6CidrBlock, String networkBorderGroup, String ipv6Pool,
                           String state) {
    }
}
