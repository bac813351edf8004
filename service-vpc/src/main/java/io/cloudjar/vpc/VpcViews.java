package io.cloudjar.vpc;

import io.cloudjar.vpc.api.Tags;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessMode;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessStates;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/** Renders stored VPCs as the SDK's {@code Vpc} shape. */
final class VpcViews {
    private VpcViews() {
    }

    /** As DescribeVpcs shows it. */
    static Vpc described(VpcRecord vpc) {
        return render(vpc, "available", null);
    }

    /**
     * As CreateVpc answers: AWS reports the VPC {@code pending} and a new IPv6 block {@code associating},
     * although both are ready by the next call (the primary IPv4 block is {@code associated} at once).
     */
    static Vpc created(VpcRecord vpc) {
        return render(vpc, "pending", "associating");
    }

    private static Vpc render(VpcRecord vpc, String state, String ipv6State) {
        Vpc.Builder b = Vpc.builder()
                .vpcId(vpc.id)
                .ownerId(vpc.ownerId)
                .state(state)
                .cidrBlock(vpc.cidrBlock())
                .dhcpOptionsId(vpc.dhcpOptionsId)
                .instanceTenancy(vpc.instanceTenancy)
                .isDefault(vpc.isDefault)
                .blockPublicAccessStates(BlockPublicAccessStates.builder()
                        .internetGatewayBlockMode(BlockPublicAccessMode.OFF).build())
                .cidrBlockAssociationSet(vpc.cidrs.stream().map(a -> VpcCidrBlockAssociation.builder()
                        .associationId(a.associationId())
                        .cidrBlock(a.cidrBlock())
                        .cidrBlockState(cidrState(a.state()))
                        .build()).toList());
        if (vpc.hasIpv6()) {
            b.ipv6CidrBlockAssociationSet(vpc.ipv6.stream().map(a -> VpcIpv6CidrBlockAssociation.builder()
                    .associationId(a.associationId())
                    .ipv6CidrBlock(a.ipv6CidrBlock())
                    .ipv6CidrBlockState(cidrState(ipv6State == null ? a.state() : ipv6State))
                    .networkBorderGroup(a.networkBorderGroup())
                    .ipv6Pool(a.ipv6Pool())
                    .build()).toList());
        }
        if (!vpc.tags.isEmpty()) { // EC2 leaves tagSet out rather than sending it empty
            b.tags(Tags.toSdk(vpc.tags));
        }
        return b.build();
    }

    private static VpcCidrBlockState cidrState(String state) {
        return VpcCidrBlockState.builder().state(state).build();
    }
}
