package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** CreateVpc, DescribeVpcs, DeleteVpc and CreateDefaultVpc. */
public final class VpcProvider extends NetworkProvider {
    private static final Describe<Vpc> DESCRIBE = new Describe<>(VpcFilters.FILTERS, Vpc::vpcId, "VpcIds");

    public CreateVpcResponse createVpc(CallContext ctx, CreateVpcRequest request) {
        Ipv4Cidr cidr = VpcCidrRules.primary(request.cidrBlock(), request.ipv4IpamPoolId());
        if (request.ipv6IpamPoolId() != null) {
            throw Ec2Errors.of("InvalidIpamPoolId.NotFound", request.ipv6IpamPoolId());
        }
        String tenancy = tenancy(request.instanceTenancyAsString());
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "vpc");
        String ipv6BorderGroup = Boolean.TRUE.equals(request.amazonProvidedIpv6CidrBlock())
                ? Objects.requireNonNullElse(request.ipv6CidrBlockNetworkBorderGroup(), ctx.region()) : null;
        NetworkState state = state(ctx);
        Vpc vpc = state.write(() -> VpcViews.created(Vpcs.create(state, new Vpcs.Spec(cidr, tenancy, false, ipv6BorderGroup, tags))));
        return CreateVpcResponse.builder().vpc(vpc).build();
    }

    public DescribeVpcsResponse describeVpcs(CallContext ctx, DescribeVpcsRequest request) {
        Pages.Page<Vpc> page = DESCRIBE.run(state(ctx), state(ctx).vpcs, VpcViews::described, request.filters(),
                request.vpcIds(), request.maxResults(), request.nextToken());
        return DescribeVpcsResponse.builder().vpcs(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteVpcResponse deleteVpc(CallContext ctx, DeleteVpcRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> Vpcs.delete(store, state, request.vpcId(), store.clock.now()));
        return DeleteVpcResponse.builder().build();
    }

    public CreateDefaultVpcResponse createDefaultVpc(CallContext ctx, CreateDefaultVpcRequest request) {
        NetworkState state = state(ctx);
        Vpc vpc = state.write(() -> {
            if (state.vpcs.first(v -> v.isDefault).isPresent()) {
                throw Ec2Errors.of("DefaultVpcAlreadyExists");
            }
            return VpcViews.created(DefaultVpc.create(state));
        });
        return CreateDefaultVpcResponse.builder().vpc(vpc).build();
    }

    /** VPCs take {@code default} or {@code dedicated}; {@code host} tenancy exists only for instances. */
    private static String tenancy(String requested) {
        if (requested == null) {
            return "default";
        }
        if (requested.equals("host")) {
            throw Ec2Errors.of("InvalidParameterValue#tenancy", requested);
        }
        return requested;
    }
}
