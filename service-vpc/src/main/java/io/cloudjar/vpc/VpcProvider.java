package io.cloudjar.vpc;

import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.support.DescribePaging;
import io.cloudjar.vpc.support.Ec2Filters;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.TagSpecifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;

/** CreateVpc, DescribeVpcs and DeleteVpc on the EC2 API. */
public final class VpcProvider implements ServiceProvider {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;

    private NetworkStore store;

    @Override
    public String api() {
        return "ec2";
    }

    @Override
    public void init(ServiceContext context) {
        this.store = NetworkStore.of(context);
    }

    public CreateVpcResponse createVpc(RequestContext ctx, CreateVpcRequest request) {
        Ipv4Cidr cidr = VpcCidrRules.primary(request.cidrBlock(), request.ipv4IpamPoolId());
        if (request.ipv6IpamPoolId() != null) {
            throw VpcErrors.ipamPoolNotFound(request.ipv6IpamPoolId());
        }
        String tenancy = tenancy(request.instanceTenancyAsString());
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "vpc");
        String ipv6BorderGroup = Boolean.TRUE.equals(request.amazonProvidedIpv6CidrBlock())
                ? Objects.requireNonNullElse(request.ipv6CidrBlockNetworkBorderGroup(), ctx.region()) : null;

        NetworkState state = store.get(ctx);
        VpcRecord vpc = VpcFactory.create(state, ctx.accountId(),
                new VpcFactory.Spec(cidr, tenancy, false, ipv6BorderGroup, tags));
        state.putVpc(vpc);
        // Seam: the VPC's main route table, default network ACL and default security group join here.
        return CreateVpcResponse.builder().vpc(VpcViews.created(vpc)).build();
    }

    public DescribeVpcsResponse describeVpcs(RequestContext ctx, DescribeVpcsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        VpcFilters.FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), MIN_RESULTS, MAX_RESULTS);
        DescribePaging.rejectIdsWithMaxResults(request.vpcIds(), request.maxResults(), "VpcIds");

        NetworkState state = store.get(ctx);
        List<VpcRecord> candidates = request.vpcIds().isEmpty() ? List.copyOf(state.vpcs()) : byIds(state, request.vpcIds());
        List<VpcRecord> matching = candidates.stream().filter(v -> VpcFilters.FILTERS.matches(v, filters)).toList();
        Pages.Page<VpcRecord> page = DescribePaging.page(matching, VpcRecord::vpcId, request.maxResults(), request.nextToken());
        return DescribeVpcsResponse.builder()
                .vpcs(page.items().stream().map(VpcViews::described).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DeleteVpcResponse deleteVpc(RequestContext ctx, DeleteVpcRequest request) {
        store.get(ctx).removeVpc(request.vpcId());
        return DeleteVpcResponse.builder().build();
    }

    /** Every id must exist; the first unknown one is reported. */
    private static List<VpcRecord> byIds(NetworkState state, List<String> ids) {
        return new LinkedHashSet<>(ids).stream()
                .map(id -> state.vpc(id).orElseThrow(() -> VpcErrors.vpcNotFound(id)))
                .toList();
    }

    /** VPCs take {@code default} or {@code dedicated}; {@code host} tenancy exists only for instances. */
    private static String tenancy(String requested) {
        if (requested == null) {
            return "default";
        }
        if (requested.equals("host")) {
            throw VpcErrors.unsupportedTenancy(requested);
        }
        return requested;
    }
}
