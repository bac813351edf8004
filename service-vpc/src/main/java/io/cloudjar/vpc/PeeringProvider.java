package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AcceptVpcPeeringConnectionRequest;
import software.amazon.awssdk.services.ec2.model.AcceptVpcPeeringConnectionResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcPeeringConnectionRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcPeeringConnectionResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcPeeringConnectionRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcPeeringConnectionResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcPeeringConnectionOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcPeeringConnectionOptionsResponse;
import software.amazon.awssdk.services.ec2.model.RejectVpcPeeringConnectionRequest;
import software.amazon.awssdk.services.ec2.model.RejectVpcPeeringConnectionResponse;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

/**
 * VPC peering: the requester asks, the accepter's account (possibly in another region) accepts or
 * rejects; either side deletes. Status codes follow AWS: initiating-request, pending-acceptance, active,
 * rejected, failed, expired (a request not accepted within a week), deleted. Ended connections stay
 * visible for two hours.
 */
public final class PeeringProvider extends NetworkProvider {
    private static final Duration PENDING_FOR = Duration.ofDays(7);
    private static final Duration VISIBLE_AFTER_END = Duration.ofHours(2);
    private static final Describe<VpcPeeringConnection> DESCRIBE = new Describe<>(PeeringViews.FILTERS,
            VpcPeeringConnection::vpcPeeringConnectionId, "VpcPeeringConnectionIds");

    public CreateVpcPeeringConnectionResponse createVpcPeeringConnection(CallContext ctx, CreateVpcPeeringConnectionRequest r) {
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "vpc-peering-connection");
        NetworkState state = state(ctx);
        String requesterCidr = state.read(() -> state.vpc(r.vpcId()).cidrBlock());
        if (r.peerVpcId() == null) {
            throw Ec2Errors.of("MissingParameter", "peerVpcId");
        }
        if (r.peerVpcId().equals(r.vpcId())) {
            throw Ec2Errors.of("InvalidParameterValue#peeringSameVpc");
        }
        String peerOwner = Objects.requireNonNullElse(r.peerOwnerId(), ctx.accountId());
        String peerRegion = Objects.requireNonNullElse(r.peerRegion(), ctx.region());
        NetworkState peer = store.get(new Scope(peerOwner, peerRegion));
        String peerCidr = peer.read(() -> peer.vpcs.find(r.peerVpcId()).map(VpcRecord::cidrBlock).orElse(null));
        String status = "pending-acceptance";
        String message = "Pending Acceptance by " + peerOwner;
        if (peerCidr == null) {
            status = "failed";
            message = "The vpc ID '" + r.peerVpcId() + "' does not exist";
        } else if (Ipv4Cidr.parse(peerCidr).orElseThrow().overlaps(Ipv4Cidr.parse(requesterCidr).orElseThrow())) {
            status = "failed";
            message = "Overlapping CIDR range";
        }
        Instant now = store.clock.now();
        PeeringRecord p = new PeeringRecord(Ids.ec2("pcx"), new PeeringRecord.Side(ctx.accountId(), r.vpcId(), ctx.region(), requesterCidr),
                new PeeringRecord.Side(peerOwner, r.peerVpcId(), peerRegion, peerCidr), now.plus(PENDING_FOR), status, message, tags);
        if ("failed".equals(status)) {
            p.deletedAt = now;
        }
        store.peerings.add(p);
        VpcPeeringConnection view = store.peerings.change(p.id,
                x -> PeeringViews.render(x, "initiating-request", "Initiating Request to " + peerOwner));
        return CreateVpcPeeringConnectionResponse.builder().vpcPeeringConnection(view).build();
    }

    public DescribeVpcPeeringConnectionsResponse describeVpcPeeringConnections(CallContext ctx, DescribeVpcPeeringConnectionsRequest r) {
        var filters = DESCRIBE.check(r.filters(), r.vpcPeeringConnectionIds(), r.maxResults());
        Instant now = store.clock.now();
        List<VpcPeeringConnection> candidates = visible(ctx, now).stream()
                .filter(p -> r.vpcPeeringConnectionIds().isEmpty() || r.vpcPeeringConnectionIds().contains(p.id))
                .map(p -> store.peerings.change(p.id, PeeringViews::render)).toList();
        for (String id : r.vpcPeeringConnectionIds()) {
            if (candidates.stream().noneMatch(c -> c.vpcPeeringConnectionId().equals(id))) {
                throw Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", id);
            }
        }
        Pages.Page<VpcPeeringConnection> page = DESCRIBE.page(candidates, filters, r.maxResults(), r.nextToken());
        return DescribeVpcPeeringConnectionsResponse.builder().vpcPeeringConnections(page.items()).nextToken(page.nextToken()).build();
    }

    public AcceptVpcPeeringConnectionResponse acceptVpcPeeringConnection(CallContext ctx, AcceptVpcPeeringConnectionRequest r) {
        VpcPeeringConnection view = transition(ctx, r.vpcPeeringConnectionId(), true, "active", "Active");
        return AcceptVpcPeeringConnectionResponse.builder()
                .vpcPeeringConnection(view.toBuilder().status(s -> s.code("provisioning").message("Provisioning")).build()).build();
    }

    public RejectVpcPeeringConnectionResponse rejectVpcPeeringConnection(CallContext ctx, RejectVpcPeeringConnectionRequest r) {
        transition(ctx, r.vpcPeeringConnectionId(), true, "rejected", "Rejected");
        return RejectVpcPeeringConnectionResponse.builder().returnValue(true).build();
    }

    public DeleteVpcPeeringConnectionResponse deleteVpcPeeringConnection(CallContext ctx, DeleteVpcPeeringConnectionRequest r) {
        transition(ctx, r.vpcPeeringConnectionId(), false, "deleted", "Deleted by " + ctx.accountId());
        return DeleteVpcPeeringConnectionResponse.builder().returnValue(true).build();
    }

    /** DNS resolution across an active connection; each side's owner sets its own side's option. */
    public ModifyVpcPeeringConnectionOptionsResponse modifyVpcPeeringConnectionOptions(CallContext ctx,
                                                                                       ModifyVpcPeeringConnectionOptionsRequest r) {
        if (visible(ctx, store.clock.now()).stream().noneMatch(p -> p.id.equals(r.vpcPeeringConnectionId()))) {
            throw Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", r.vpcPeeringConnectionId());
        }
        return store.peerings.change(r.vpcPeeringConnectionId(), p -> {
            if (!p.active()) {
                throw Ec2Errors.of("InvalidStateTransition", p.id, p.status);
            }
            var out = ModifyVpcPeeringConnectionOptionsResponse.builder();
            if (r.requesterPeeringConnectionOptions() != null) {
                if (!p.requester.is(ctx.accountId(), ctx.region())) {
                    throw Ec2Errors.of("OperationNotPermitted#peeringAccepter", p.id);
                }
                p.requesterDnsResolution = Boolean.TRUE.equals(r.requesterPeeringConnectionOptions().allowDnsResolutionFromRemoteVpc());
                out.requesterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(p.requesterDnsResolution));
            }
            if (r.accepterPeeringConnectionOptions() != null) {
                if (!p.accepter.is(ctx.accountId(), ctx.region())) {
                    throw Ec2Errors.of("OperationNotPermitted#peeringAccepter", p.id);
                }
                p.accepterDnsResolution = Boolean.TRUE.equals(r.accepterPeeringConnectionOptions().allowDnsResolutionFromRemoteVpc());
                out.accepterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(p.accepterDnsResolution));
            }
            return out.build();
        });
    }

    /** Moves a connection the caller can see to a new status, checking who may and from which status. */
    private VpcPeeringConnection transition(CallContext ctx, String id, boolean accepterOnly, String to, String message) {
        Instant now = store.clock.now();
        if (visible(ctx, now).stream().noneMatch(p -> p.id.equals(id))) {
            throw Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", id);
        }
        return store.peerings.change(id, p -> {
            if (accepterOnly && !p.accepter.is(ctx.accountId(), ctx.region())) {
                throw Ec2Errors.of("OperationNotPermitted#peeringAccepter", id);
            }
            Set<String> from = accepterOnly ? Set.of("pending-acceptance") : Set.of("pending-acceptance", "active");
            if (!from.contains(p.status)) {
                throw Ec2Errors.of("InvalidStateTransition", id, p.status);
            }
            if (!accepterOnly && p.status.equals("pending-acceptance") && !p.requester.is(ctx.accountId(), ctx.region())) {
                throw Ec2Errors.of("OperationNotPermitted#peeringRequester", id); // the accepter rejects a request rather than deleting it
            }
            p.status = to;
            p.message = message;
            if (!to.equals("active")) {
                p.deletedAt = now;
            }
            return PeeringViews.render(p);
        });
    }

    private List<PeeringRecord> visible(CallContext ctx, Instant now) {
        store.peerings.expire(now);
        return store.peerings.visibleTo(ctx.accountId(), ctx.region()).stream()
                .filter(p -> p.deletedAt == null || now.isBefore(p.deletedAt.plus(VISIBLE_AFTER_END))).toList();
    }
}
