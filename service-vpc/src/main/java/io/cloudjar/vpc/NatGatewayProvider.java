package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

/**
 * NAT gateways: a public one takes an Elastic IP, each gets an interface and private address in its
 * subnet; {@code pending → available} and {@code deleting → deleted} follow the emulator clock.
 */
public final class NatGatewayProvider extends NetworkProvider {
    private static final Filters<NatGateway> FILTERS = new Filters<NatGateway>()
            .onValue("nat-gateway-id", NatGateway::natGatewayId)
            .onValue("state", NatGateway::stateAsString)
            .onValue("subnet-id", NatGateway::subnetId)
            .onValue("vpc-id", NatGateway::vpcId)
            .withTags(n -> Tags.asMap(n.tags()));
    private static final Describe<NatGateway> DESCRIBE = new Describe<>(FILTERS, NatGateway::natGatewayId, "NatGatewayIds");

    public CreateNatGatewayResponse createNatGateway(CallContext ctx, CreateNatGatewayRequest request) {
        String connectivity = Objects.requireNonNullElse(request.connectivityTypeAsString(), "public");
        if (connectivity.equals("public") && request.allocationId() == null) {
            throw Ec2Errors.of("MissingParameter#natAllocation");
        }
        if (connectivity.equals("private") && request.allocationId() != null) {
            throw Ec2Errors.of("InvalidParameterCombination#privateNatAllocation");
        }
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "natgateway");
        Instant now = store.clock.now();
        NetworkState state = state(ctx);
        NatGateway nat = state.write(() -> {
            SubnetRecord subnet = state.subnet(request.subnetId());
            AddressRecord address = request.allocationId() == null ? null : state.addresses.get(request.allocationId());
            if (address != null && address.associated()) {
                throw Ec2Errors.of("Resource.AlreadyAssociated#natAddress", address.id);
            }
            String id = Ids.ec2("nat");
            boolean internet = state.internetGateways.first(g -> subnet.vpcId.equals(g.vpcId)).isPresent();
            if (connectivity.equals("public") && !internet) {
                // AWS accepts the request and fails the gateway while provisioning; it never takes an interface
                NatGatewayRecord failed = new NatGatewayRecord(id, subnet.vpcId, subnet.id, connectivity, address.id, null, null,
                        null, null, now, "Gateway.NotAttached", "Network " + subnet.vpcId + " has no Internet gateway attached", tags);
                state.natGateways.add(failed);
                return render(failed, now);
            }
            NetworkInterfaceRecord eni = Interfaces.create(state, new Interfaces.Spec(subnet.id, "Interface for NAT Gateway " + id,
                    List.of(), request.privateIpAddress(), 0, "nat_gateway", "amazon", Map.of()));
            String associationId = address == null ? null : Addresses.associate(store, state, address, eni, null, false);
            NatGatewayRecord record = new NatGatewayRecord(id, subnet.vpcId, subnet.id, connectivity,
                    address == null ? null : address.id, address == null ? null : address.publicIp, eni.id, eni.primaryIp(),
                    associationId, now, null, null, tags);
            state.natGateways.add(record);
            return render(record, now);
        });
        return CreateNatGatewayResponse.builder().natGateway(nat).clientToken(request.clientToken()).build();
    }

    public DescribeNatGatewaysResponse describeNatGateways(CallContext ctx, DescribeNatGatewaysRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filter());
        FILTERS.validate(filters);
        io.cloudjar.vpc.api.DescribePaging.checkMaxResults(request.maxResults(), Describe.MIN_RESULTS, Describe.MAX_RESULTS);
        Instant now = store.clock.now();
        NetworkState state = state(ctx);
        List<NatGateway> candidates = state.read(() -> request.natGatewayIds().isEmpty()
                ? state.natGateways.all().stream().filter(n -> !n.expired(now)).map(n -> render(n, now)).toList()
                : new LinkedHashSet<>(request.natGatewayIds()).stream().map(id -> render(live(state, id, now), now)).toList());
        Pages.Page<NatGateway> page = DESCRIBE.page(candidates, filters, request.maxResults(), request.nextToken());
        return DescribeNatGatewaysResponse.builder().natGateways(page.items()).nextToken(page.nextToken()).build();
    }

    /** Frees the interface, its address and the Elastic IP at once; the state reads deleting, then deleted. */
    public DeleteNatGatewayResponse deleteNatGateway(CallContext ctx, DeleteNatGatewayRequest request) {
        Instant now = store.clock.now();
        NetworkState state = state(ctx);
        state.write(() -> {
            NatGatewayRecord nat = live(state, request.natGatewayId(), now);
            if (nat.deleteTime == null) {
                nat.deleteTime = now;
                state.interfaces.find(nat.networkInterfaceId).ifPresent(eni -> Interfaces.delete(store, state, eni));
            }
        });
        return DeleteNatGatewayResponse.builder().natGatewayId(request.natGatewayId()).build();
    }

    private static NatGatewayRecord live(NetworkState state, String id, Instant now) {
        NatGatewayRecord nat = state.natGateways.get(id);
        if (nat.expired(now)) {
            throw Ec2Errors.of("NatGatewayNotFound", id);
        }
        return nat;
    }

    static NatGateway render(NatGatewayRecord n, Instant now) {
        String state = n.state(now);
        NatGatewayAddress.Builder address = NatGatewayAddress.builder()
                .networkInterfaceId(n.networkInterfaceId)
                .privateIp(n.privateIp)
                .isPrimary(true)
                .status(n.deleteTime != null ? "disassociating" : !n.failed() ? "succeeded" : state.equals("failed") ? "failed" : "associating");
        if (n.allocationId != null) {
            address.allocationId(n.allocationId).publicIp(n.publicIp).associationId(n.associationId);
        }
        NatGateway.Builder b = NatGateway.builder()
                .natGatewayId(n.id)
                .vpcId(n.vpcId)
                .subnetId(n.subnetId)
                .connectivityType(n.connectivityType)
                .state(state)
                .createTime(n.createTime)
                .deleteTime(n.deleteTime)
                .natGatewayAddresses(address.build());
        if (state.equals("failed")) {
            b.failureCode(n.failureCode).failureMessage(n.failureMessage);
            address.failureMessage(n.failureMessage);
            b.natGatewayAddresses(address.build());
        }
        if (!n.tags.isEmpty()) {
            b.tags(Tags.toSdk(n.tags));
        }
        return b.build();
    }
}
