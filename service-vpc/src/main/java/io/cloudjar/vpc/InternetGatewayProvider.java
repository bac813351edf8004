package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/**
 * Internet gateways: created detached, attached to at most one VPC (and a VPC to at most one gateway).
 * An attached gateway reports its attachment state as {@code available}, as AWS does.
 */
public final class InternetGatewayProvider extends NetworkProvider {
    static final Filters<InternetGateway> FILTERS = new Filters<InternetGateway>()
            .on("attachment.state", g -> g.attachments().stream().map(InternetGatewayAttachment::stateAsString).toList())
            .on("attachment.vpc-id", g -> g.attachments().stream().map(InternetGatewayAttachment::vpcId).toList())
            .onValue("internet-gateway-id", InternetGateway::internetGatewayId)
            .onValue("owner-id", InternetGateway::ownerId)
            .withTags(g -> Tags.asMap(g.tags()));
    private static final Describe<InternetGateway> DESCRIBE =
            new Describe<>(FILTERS, InternetGateway::internetGatewayId, "InternetGatewayIds");

    public CreateInternetGatewayResponse createInternetGateway(CallContext ctx, CreateInternetGatewayRequest request) {
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "internet-gateway");
        NetworkState state = state(ctx);
        InternetGateway igw = state.write(() -> render(state.internetGateways.add(
                new InternetGatewayRecord(Ids.ec2("igw"), state.accountId, tags))));
        return CreateInternetGatewayResponse.builder().internetGateway(igw).build();
    }

    public DescribeInternetGatewaysResponse describeInternetGateways(CallContext ctx, DescribeInternetGatewaysRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<InternetGateway> page = DESCRIBE.run(state, state.internetGateways, InternetGatewayProvider::render,
                request.filters(), request.internetGatewayIds(), request.maxResults(), request.nextToken());
        return DescribeInternetGatewaysResponse.builder().internetGateways(page.items()).nextToken(page.nextToken()).build();
    }

    public AttachInternetGatewayResponse attachInternetGateway(CallContext ctx, AttachInternetGatewayRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            InternetGatewayRecord igw = state.internetGateways.get(request.internetGatewayId());
            VpcRecord vpc = state.vpc(request.vpcId());
            if (igw.vpcId != null) {
                throw Ec2Errors.of("Resource.AlreadyAssociated#gateway", igw.id, igw.vpcId);
            }
            if (state.internetGateways.first(g -> vpc.id.equals(g.vpcId)).isPresent()) {
                throw Ec2Errors.of("Resource.AlreadyAssociated#vpcGateway", vpc.id);
            }
            igw.vpcId = vpc.id;
        });
        return AttachInternetGatewayResponse.builder().build();
    }

    /** Refuses while interfaces in the VPC still have public addresses, which need the gateway. */
    public DetachInternetGatewayResponse detachInternetGateway(CallContext ctx, DetachInternetGatewayRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            InternetGatewayRecord igw = state.internetGateways.get(request.internetGatewayId());
            state.vpc(request.vpcId());
            if (!Objects.equals(igw.vpcId, request.vpcId())) {
                throw Ec2Errors.of("Gateway.NotAttached", igw.id, request.vpcId());
            }
            boolean mapped = state.interfaces.first(i -> i.vpcId.equals(igw.vpcId)
                    && i.privateIps.values().stream().anyMatch(Objects::nonNull)).isPresent();
            if (mapped) {
                throw Ec2Errors.of("DependencyViolation#mappedAddresses", igw.vpcId);
            }
            igw.vpcId = null;
        });
        return DetachInternetGatewayResponse.builder().build();
    }

    public DeleteInternetGatewayResponse deleteInternetGateway(CallContext ctx, DeleteInternetGatewayRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            InternetGatewayRecord igw = state.internetGateways.get(request.internetGatewayId());
            if (igw.vpcId != null) {
                throw Ec2Errors.of("DependencyViolation", "internetGateway", igw.id);
            }
            state.internetGateways.remove(igw.id);
        });
        return DeleteInternetGatewayResponse.builder().build();
    }

    static InternetGateway render(InternetGatewayRecord igw) {
        InternetGateway.Builder b = InternetGateway.builder()
                .internetGatewayId(igw.id)
                .ownerId(igw.ownerId)
                .attachments(igw.vpcId == null ? List.of()
                        : List.of(InternetGatewayAttachment.builder().state("available").vpcId(igw.vpcId).build()));
        if (!igw.tags.isEmpty()) {
            b.tags(Tags.toSdk(igw.tags));
        }
        return b.build();
    }
}
