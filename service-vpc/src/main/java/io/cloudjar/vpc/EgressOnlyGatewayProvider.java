package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateEgressOnlyInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateEgressOnlyInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteEgressOnlyInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteEgressOnlyInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeEgressOnlyInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeEgressOnlyInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/** Egress-only internet gateways: IPv6 traffic out of one VPC, none in. */
public final class EgressOnlyGatewayProvider extends NetworkProvider {
    private static final Filters<EgressOnlyInternetGateway> FILTERS = new Filters<EgressOnlyInternetGateway>()
            .withTags(g -> Tags.asMap(g.tags()));
    private static final Describe<EgressOnlyInternetGateway> DESCRIBE = new Describe<>(FILTERS,
            EgressOnlyInternetGateway::egressOnlyInternetGatewayId, "EgressOnlyInternetGatewayIds").maxResults(255);

    public CreateEgressOnlyInternetGatewayResponse createEgressOnlyInternetGateway(CallContext ctx,
                                                                                   CreateEgressOnlyInternetGatewayRequest request) {
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "egress-only-internet-gateway");
        NetworkState state = state(ctx);
        EgressOnlyInternetGateway eigw = state.write(() -> render(state.egressOnlyGateways.add(
                new EgressOnlyGatewayRecord(Ids.ec2("eigw"), state.vpc(request.vpcId()).id, tags))));
        return CreateEgressOnlyInternetGatewayResponse.builder().egressOnlyInternetGateway(eigw)
                .clientToken(request.clientToken()).build();
    }

    public DescribeEgressOnlyInternetGatewaysResponse describeEgressOnlyInternetGateways(
            CallContext ctx, DescribeEgressOnlyInternetGatewaysRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<EgressOnlyInternetGateway> page = DESCRIBE.run(state, state.egressOnlyGateways, EgressOnlyGatewayProvider::render,
                request.filters(), request.egressOnlyInternetGatewayIds(), request.maxResults(), request.nextToken());
        return DescribeEgressOnlyInternetGatewaysResponse.builder().egressOnlyInternetGateways(page.items())
                .nextToken(page.nextToken()).build();
    }

    public DeleteEgressOnlyInternetGatewayResponse deleteEgressOnlyInternetGateway(CallContext ctx,
                                                                                   DeleteEgressOnlyInternetGatewayRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            state.egressOnlyGateways.get(request.egressOnlyInternetGatewayId());
            state.egressOnlyGateways.remove(request.egressOnlyInternetGatewayId());
        });
        return DeleteEgressOnlyInternetGatewayResponse.builder().returnCode(true).build();
    }

    static EgressOnlyInternetGateway render(EgressOnlyGatewayRecord g) {
        EgressOnlyInternetGateway.Builder b = EgressOnlyInternetGateway.builder()
                .egressOnlyInternetGatewayId(g.id)
                .attachments(List.of(InternetGatewayAttachment.builder().state("attached").vpcId(g.vpcId).build()));
        if (!g.tags.isEmpty()) {
            b.tags(Tags.toSdk(g.tags));
        }
        return b.build();
    }
}
