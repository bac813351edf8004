package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv6Cidr;
import software.amazon.awssdk.services.ec2.model.AssociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateSubnetCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateSubnetCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockState;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

/** IPv6 blocks of subnets: one /64 from one of the VPC's /56 blocks, not shared with another subnet. */
public final class SubnetIpv6Provider extends NetworkProvider {

    public AssociateSubnetCidrBlockResponse associateSubnetCidrBlock(CallContext ctx, AssociateSubnetCidrBlockRequest request) {
        if (request.ipv6CidrBlock() == null) {
            throw Ec2Errors.of("MissingParameter", "ipv6CidrBlock");
        }
        NetworkState state = state(ctx);
        return state.write(() -> {
            SubnetRecord subnet = state.subnet(request.subnetId());
            SubnetRecord.Ipv6Block block = associate(state, subnet, request.ipv6CidrBlock());
            return AssociateSubnetCidrBlockResponse.builder().subnetId(subnet.id)
                    .ipv6CidrBlockAssociation(view(block, "associating")).build();
        });
    }

    public DisassociateSubnetCidrBlockResponse disassociateSubnetCidrBlock(CallContext ctx,
                                                                           DisassociateSubnetCidrBlockRequest request) {
        NetworkState state = state(ctx);
        return state.write(() -> {
            for (SubnetRecord subnet : state.subnets.all()) {
                for (SubnetRecord.Ipv6Block block : subnet.ipv6) {
                    if (block.associationId().equals(request.associationId())) {
                        subnet.ipv6.remove(block);
                        return DisassociateSubnetCidrBlockResponse.builder().subnetId(subnet.id)
                                .ipv6CidrBlockAssociation(view(block, "disassociating")).build();
                    }
                }
            }
            throw Ec2Errors.of("InvalidSubnetCidrBlockAssociationID.NotFound", request.associationId());
        });
    }

    /** Checks and adds the block; caller holds the write lock. */
    static SubnetRecord.Ipv6Block associate(NetworkState state, SubnetRecord subnet, String text) {
        Ipv6Cidr cidr = Ipv6Cidr.parse(text).orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#ipv6CidrBlock", text));
        VpcRecord vpc = state.vpc(subnet.vpcId);
        boolean inside = vpc.ipv6.stream().anyMatch(a -> Ipv6Cidr.parse(a.ipv6CidrBlock()).orElseThrow().contains(cidr));
        if (!inside || cidr.prefix() != 64) {
            throw Ec2Errors.of("InvalidSubnet.Range", text);
        }
        boolean taken = state.subnets.where(s -> s.vpcId.equals(vpc.id)).stream().flatMap(s -> s.ipv6.stream())
                .anyMatch(b -> Ipv6Cidr.parse(b.ipv6CidrBlock()).orElseThrow().overlaps(cidr));
        if (taken) {
            throw Ec2Errors.of("InvalidSubnet.Conflict", text);
        }
        SubnetRecord.Ipv6Block block = new SubnetRecord.Ipv6Block(Ids.ec2("subnet-cidr-assoc"), cidr.toString(), "associated");
        subnet.ipv6.add(block);
        return block;
    }

    private static SubnetIpv6CidrBlockAssociation view(SubnetRecord.Ipv6Block block, String state) {
        return SubnetIpv6CidrBlockAssociation.builder().associationId(block.associationId()).ipv6CidrBlock(block.ipv6CidrBlock())
                .ipv6CidrBlockState(SubnetCidrBlockState.builder().state(state).build()).build();
    }
}
