package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.VpcRecord.CidrAssociation;
import io.cloudjar.vpc.VpcRecord.Ipv6Association;
import java.util.Collection;
import java.util.function.Function;

/** The filters DescribeVpcs accepts, as the EC2 API reference lists them. */
final class VpcFilters {
    static final Filters<VpcRecord> FILTERS = new Filters<VpcRecord>()
            .onValue("cidr", VpcRecord::cidrBlock)
            .on("cidr-block-association.cidr-block", ipv4(CidrAssociation::cidrBlock))
            .on("cidr-block-association.association-id", ipv4(CidrAssociation::associationId))
            .on("cidr-block-association.state", ipv4(CidrAssociation::state))
            .onValue("dhcp-options-id", VpcRecord::dhcpOptionsId)
            .on("ipv6-cidr-block-association.ipv6-cidr-block", ipv6(Ipv6Association::ipv6CidrBlock))
            .on("ipv6-cidr-block-association.ipv6-pool", ipv6(Ipv6Association::ipv6Pool))
            .on("ipv6-cidr-block-association.association-id", ipv6(Ipv6Association::associationId))
            .on("ipv6-cidr-block-association.state", ipv6(Ipv6Association::state))
            .onValue("is-default", VpcRecord::isDefault)
            .onValue("owner-id", VpcRecord::ownerId)
            .onValue("state", VpcRecord::state)
            .onValue("vpc-id", VpcRecord::vpcId)
            .withTags(VpcRecord::tags);

    private VpcFilters() {
    }

    private static Function<VpcRecord, Collection<String>> ipv4(Function<CidrAssociation, String> field) {
        return vpc -> vpc.cidrAssociations().stream().map(field).toList();
    }

    private static Function<VpcRecord, Collection<String>> ipv6(Function<Ipv6Association, String> field) {
        return vpc -> vpc.ipv6Associations().stream().map(field).toList();
    }
}
