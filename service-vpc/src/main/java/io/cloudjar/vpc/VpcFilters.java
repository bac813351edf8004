package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.Collection;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/** The filters DescribeVpcs accepts, as the EC2 API reference lists them. */
final class VpcFilters {
    static final Filters<Vpc> FILTERS = new Filters<Vpc>()
            .onValue("cidr", Vpc::cidrBlock)
            .on("cidr-block-association.cidr-block", ipv4(VpcCidrBlockAssociation::cidrBlock))
            .on("cidr-block-association.association-id", ipv4(VpcCidrBlockAssociation::associationId))
            .on("cidr-block-association.state", ipv4(a -> a.cidrBlockState().stateAsString()))
            .onValue("dhcp-options-id", Vpc::dhcpOptionsId)
            .on("ipv6-cidr-block-association.ipv6-cidr-block", ipv6(VpcIpv6CidrBlockAssociation::ipv6CidrBlock))
            .on("ipv6-cidr-block-association.ipv6-pool", ipv6(VpcIpv6CidrBlockAssociation::ipv6Pool))
            .on("ipv6-cidr-block-association.association-id", ipv6(VpcIpv6CidrBlockAssociation::associationId))
            .on("ipv6-cidr-block-association.state", ipv6(a -> a.ipv6CidrBlockState().stateAsString()))
            .onValue("is-default", Vpc::isDefault)
            .onValue("isDefault", Vpc::isDefault) // EC2 also takes the camel-case name, which Terraform's data "aws_vpc" sends
            .onValue("owner-id", Vpc::ownerId)
            .onValue("state", Vpc::stateAsString)
            .onValue("vpc-id", Vpc::vpcId)
            .withTags(v -> Tags.asMap(v.tags()));

    private VpcFilters() {
    }

    private static Function<Vpc, Collection<String>> ipv4(Function<VpcCidrBlockAssociation, String> field) {
        return vpc -> vpc.cidrBlockAssociationSet().stream().map(field).toList();
    }

    private static Function<Vpc, Collection<String>> ipv6(Function<VpcIpv6CidrBlockAssociation, String> field) {
        return vpc -> vpc.ipv6CidrBlockAssociationSet().stream().map(field).toList();
    }
}
