package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CidrBlock;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionOptionsDescription;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReason;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;

/** Renders peering connections as the SDK's {@code VpcPeeringConnection}; names the Describe filters. */
final class PeeringViews {
    static final Filters<VpcPeeringConnection> FILTERS = new Filters<VpcPeeringConnection>()
            .onValue("accepter-vpc-info.cidr-block", p -> p.accepterVpcInfo().cidrBlock())
            .onValue("accepter-vpc-info.owner-id", p -> p.accepterVpcInfo().ownerId())
            .onValue("accepter-vpc-info.vpc-id", p -> p.accepterVpcInfo().vpcId())
            .onValue("expiration-time", VpcPeeringConnection::expirationTime)
            .onValue("requester-vpc-info.cidr-block", p -> p.requesterVpcInfo().cidrBlock())
            .onValue("requester-vpc-info.owner-id", p -> p.requesterVpcInfo().ownerId())
            .onValue("requester-vpc-info.vpc-id", p -> p.requesterVpcInfo().vpcId())
            .onValue("status-code", p -> p.status().codeAsString())
            .onValue("status-message", p -> p.status().message())
            .onValue("vpc-peering-connection-id", VpcPeeringConnection::vpcPeeringConnectionId)
            .withTags(p -> Tags.asMap(p.tags()));

    private PeeringViews() {
    }

    /** Under the peering table's lock (see {@link PeeringTable#change}). */
    static VpcPeeringConnection render(PeeringRecord p, String statusCode, String message) {
        boolean active = p.active();
        VpcPeeringConnection.Builder b = VpcPeeringConnection.builder()
                .vpcPeeringConnectionId(p.id)
                .requesterVpcInfo(info(p.requester, true, active, p.requesterDnsResolution))
                .accepterVpcInfo(info(p.accepter, active, active, p.accepterDnsResolution))
                .status(VpcPeeringConnectionStateReason.builder().code(statusCode).message(message).build())
                .expirationTime("pending-acceptance".equals(p.status) || "initiating-request".equals(statusCode) ? p.expirationTime : null);
        if (!p.tags.isEmpty()) {
            b.tags(Tags.toSdk(p.tags));
        }
        return b.build();
    }

    static VpcPeeringConnection render(PeeringRecord p) {
        return render(p, p.status, p.message);
    }

    private static VpcPeeringConnectionVpcInfo info(PeeringRecord.Side side, boolean withCidr, boolean withOptions, boolean dns) {
        VpcPeeringConnectionVpcInfo.Builder b = VpcPeeringConnectionVpcInfo.builder()
                .ownerId(side.ownerId()).vpcId(side.vpcId()).region(side.region());
        if (withCidr && side.cidrBlock() != null) {
            b.cidrBlock(side.cidrBlock()).cidrBlockSet(List.of(CidrBlock.builder().cidrBlock(side.cidrBlock()).build()));
        }
        if (withOptions) {
            b.peeringOptions(VpcPeeringConnectionOptionsDescription.builder().allowDnsResolutionFromRemoteVpc(dns)
                    .allowEgressFromLocalClassicLinkToRemoteVpc(false).allowEgressFromLocalVpcToRemoteClassicLink(false).build());
        }
        return b.build();
    }
}
