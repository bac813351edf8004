package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.VpcRecord.CidrAssociation;
import io.cloudjar.vpc.VpcRecord.Ipv6Association;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6BlockPool;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/**
 * Secondary IPv4 blocks and Amazon-provided IPv6 blocks of a VPC. Every route table of the VPC gets (and
 * loses) a local route for each block, as in AWS.
 */
public final class VpcCidrProvider extends NetworkProvider {
    private static final int MAX_IPV4_BLOCKS = 5;

    public AssociateVpcCidrBlockResponse associateVpcCidrBlock(CallContext ctx, AssociateVpcCidrBlockRequest request) {
        NetworkState state = state(ctx);
        if (Boolean.TRUE.equals(request.amazonProvidedIpv6CidrBlock())) {
            return state.write(() -> {
                VpcRecord vpc = state.vpc(request.vpcId());
                String group = Objects.requireNonNullElse(request.ipv6CidrBlockNetworkBorderGroup(), ctx.region());
                Ipv6Association a = new Ipv6Association(Vpcs.associationId(), state.ipv6Blocks.allocate(), group,
                        Ipv6BlockPool.AMAZON_POOL, VpcRecord.ASSOCIATED);
                vpc.ipv6.add(a);
                addLocalRoute(state, vpc.id, RouteRecord.local(a.ipv6CidrBlock(), true));
                return AssociateVpcCidrBlockResponse.builder().vpcId(vpc.id)
                        .ipv6CidrBlockAssociation(VpcIpv6CidrBlockAssociation.builder().associationId(a.associationId())
                                .ipv6CidrBlock(a.ipv6CidrBlock()).networkBorderGroup(group).ipv6Pool(a.ipv6Pool())
                                .ipv6CidrBlockState(VpcCidrBlockState.builder().state("associating").build()).build())
                        .build();
            });
        }
        Ipv4Cidr cidr = VpcCidrRules.primary(request.cidrBlock(), request.ipv4IpamPoolId());
        return state.write(() -> {
            VpcRecord vpc = state.vpc(request.vpcId());
            if (vpc.cidrs.size() >= MAX_IPV4_BLOCKS) {
                throw Ec2Errors.of("CidrLimitExceeded", vpc.id);
            }
            if (vpc.ipv4Blocks().stream().anyMatch(b -> b.overlaps(cidr))) {
                throw Ec2Errors.of("InvalidVpc.Range#conflict", cidr.toString(), vpc.id);
            }
            if (VpcCidrRules.crossesPrivateRanges(vpc.ipv4Blocks().get(0), cidr)) {
                throw Ec2Errors.of("InvalidVpc.Range#restricted", cidr.toString());
            }
            CidrAssociation a = new CidrAssociation(Vpcs.associationId(), cidr.toString(), VpcRecord.ASSOCIATED);
            vpc.cidrs.add(a);
            addLocalRoute(state, vpc.id, RouteRecord.local(a.cidrBlock(), false));
            return AssociateVpcCidrBlockResponse.builder().vpcId(vpc.id)
                    .cidrBlockAssociation(VpcCidrBlockAssociation.builder().associationId(a.associationId())
                            .cidrBlock(a.cidrBlock()).cidrBlockState(VpcCidrBlockState.builder().state("associating").build()).build())
                    .build();
        });
    }

    public DisassociateVpcCidrBlockResponse disassociateVpcCidrBlock(CallContext ctx, DisassociateVpcCidrBlockRequest request) {
        NetworkState state = state(ctx);
        String id = request.associationId();
        return state.write(() -> {
            for (VpcRecord vpc : state.vpcs.all()) {
                Optional<CidrAssociation> v4 = vpc.cidrs.stream().filter(c -> c.associationId().equals(id)).findFirst();
                if (v4.isPresent()) {
                    if (vpc.cidrs.get(0) == v4.get()) {
                        throw Ec2Errors.of("OperationNotPermitted#primaryCidr", id);
                    }
                    Ipv4Cidr block = Ipv4Cidr.parse(v4.get().cidrBlock()).orElseThrow();
                    if (state.subnets.first(s -> s.vpcId.equals(vpc.id) && block.contains(s.cidr)).isPresent()) {
                        throw Ec2Errors.of("InvalidCidrBlock.InUse", id);
                    }
                    vpc.cidrs.remove(v4.get());
                    removeLocalRoute(state, vpc.id, v4.get().cidrBlock());
                    return DisassociateVpcCidrBlockResponse.builder().vpcId(vpc.id)
                            .cidrBlockAssociation(VpcCidrBlockAssociation.builder().associationId(id).cidrBlock(v4.get().cidrBlock())
                                    .cidrBlockState(VpcCidrBlockState.builder().state("disassociating").build()).build())
                            .build();
                }
                Optional<Ipv6Association> v6 = vpc.ipv6.stream().filter(c -> c.associationId().equals(id)).findFirst();
                if (v6.isPresent()) {
                    vpc.ipv6.remove(v6.get());
                    state.ipv6Blocks.release(v6.get().ipv6CidrBlock());
                    removeLocalRoute(state, vpc.id, v6.get().ipv6CidrBlock());
                    return DisassociateVpcCidrBlockResponse.builder().vpcId(vpc.id)
                            .ipv6CidrBlockAssociation(VpcIpv6CidrBlockAssociation.builder().associationId(id)
                                    .ipv6CidrBlock(v6.get().ipv6CidrBlock()).networkBorderGroup(v6.get().networkBorderGroup())
                                    .ipv6CidrBlockState(VpcCidrBlockState.builder().state("disassociating").build()).build())
                            .build();
                }
            }
            throw Ec2Errors.of("InvalidVpcCidrBlockAssociationID.NotFound", id);
        });
    }

    private static void addLocalRoute(NetworkState state, String vpcId, RouteRecord route) {
        state.routeTables.where(t -> t.vpcId.equals(vpcId)).forEach(t -> t.routes.add(route));
    }

    private static void removeLocalRoute(NetworkState state, String vpcId, String cidr) {
        state.routeTables.where(t -> t.vpcId.equals(vpcId))
                .forEach(t -> t.routes.removeIf(r -> r.isLocal() && cidr.equals(r.destination())));
    }
}
