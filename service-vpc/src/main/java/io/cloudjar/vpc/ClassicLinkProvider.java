package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.ClassicLinkDnsSupport;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkDnsSupportRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkDnsSupportResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkResponse;
import software.amazon.awssdk.services.ec2.model.VpcClassicLink;

/**
 * ClassicLink retired with EC2-Classic, but older SDKs and Terraform providers still read it: every VPC
 * reports it disabled, as AWS does today.
 */
public final class ClassicLinkProvider extends NetworkProvider {
    private static final Filters<VpcClassicLink> FILTERS = new Filters<VpcClassicLink>()
            .onValue("is-classic-link-enabled", VpcClassicLink::classicLinkEnabled)
            .withTags(v -> Tags.asMap(v.tags()));

    public DescribeVpcClassicLinkResponse describeVpcClassicLink(CallContext ctx, DescribeVpcClassicLinkRequest r) {
        List<Filters.Filter> filters = Ec2Filters.of(r.filters());
        FILTERS.validate(filters);
        NetworkState state = state(ctx);
        List<VpcClassicLink> links = state.read(() -> vpcs(state, r.vpcIds()).stream()
                .map(v -> VpcClassicLink.builder().vpcId(v.id).classicLinkEnabled(false)
                        .tags(v.tags.isEmpty() ? null : Tags.toSdk(v.tags)).build()).toList());
        return DescribeVpcClassicLinkResponse.builder()
                .vpcs(links.stream().filter(l -> FILTERS.matches(l, filters)).toList()).build();
    }

    public DescribeVpcClassicLinkDnsSupportResponse describeVpcClassicLinkDnsSupport(CallContext ctx,
                                                                                     DescribeVpcClassicLinkDnsSupportRequest r) {
        NetworkState state = state(ctx);
        List<ClassicLinkDnsSupport> support = state.read(() -> vpcs(state, r.vpcIds()).stream()
                .map(v -> ClassicLinkDnsSupport.builder().vpcId(v.id).classicLinkDnsSupported(false).build()).toList());
        return DescribeVpcClassicLinkDnsSupportResponse.builder().vpcs(support).build();
    }

    private static List<VpcRecord> vpcs(NetworkState state, List<String> ids) {
        return ids.isEmpty() ? List.copyOf(state.vpcs.all()) : new LinkedHashSet<>(ids).stream().map(state::vpc).toList();
    }
}
