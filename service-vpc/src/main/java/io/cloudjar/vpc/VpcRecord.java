package io.cloudjar.vpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VPC as the store keeps it: immutable, replaced whole on change, so readers never see half an update.
 *
 * @param cidrAssociations     the primary IPv4 block first, then secondary blocks
 * @param ipv6Associations     Amazon-provided (or later BYOIP/IPAM) IPv6 blocks
 * @param state                {@code available} once stored; CreateVpc's answer shows {@code pending}
 */
record VpcRecord(String vpcId, String ownerId, String cidrBlock, List<CidrAssociation> cidrAssociations,
                 List<Ipv6Association> ipv6Associations, String instanceTenancy, String dhcpOptionsId,
                 boolean isDefault, String state, Map<String, String> tags) {
    static final String AVAILABLE = "available";
    static final String ASSOCIATED = "associated";

    VpcRecord {
        cidrAssociations = List.copyOf(cidrAssociations);
        ipv6Associations = List.copyOf(ipv6Associations);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags)); // keeps the caller's tag order
    }

    /** An IPv4 block of the VPC and its association. */
    record CidrAssociation(String associationId, String cidrBlock, String state) {
    }

    /** An IPv6 block of the VPC and its association. */
    record Ipv6Association(String associationId, String ipv6CidrBlock, String networkBorderGroup, String ipv6Pool,
                           String state) {
    }
}
