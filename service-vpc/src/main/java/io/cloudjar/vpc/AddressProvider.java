package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

/**
 * Elastic IPs: allocate from the public pool (AWS's default quota of five per region), associate with an
 * instance or interface, disassociate, release. service-ec2 hears about changes to its instances.
 */
public final class AddressProvider extends NetworkProvider {
    static final int ADDRESS_QUOTA = 5;

    public AllocateAddressResponse allocateAddress(CallContext ctx, AllocateAddressRequest request) {
        if (request.address() != null || request.customerOwnedIpv4Pool() != null
                || (request.publicIpv4Pool() != null && !request.publicIpv4Pool().equals("amazon"))) {
            throw Ec2Errors.of("InvalidParameterValue#addressPool",
                    Stream.of(request.publicIpv4Pool(), request.customerOwnedIpv4Pool(), request.address())
                            .filter(Objects::nonNull).findFirst().orElseThrow());
        }
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "elastic-ip");
        String borderGroup = Objects.requireNonNullElse(request.networkBorderGroup(), ctx.region());
        NetworkState state = state(ctx);
        AddressRecord address = state.write(() -> {
            if (state.addresses.size() >= ADDRESS_QUOTA) {
                throw Ec2Errors.of("AddressLimitExceeded");
            }
            return state.addresses.add(new AddressRecord(Ids.ec2("eipalloc"), store.publicIps.allocate(), borderGroup, tags));
        });
        return AllocateAddressResponse.builder().allocationId(address.id).publicIp(address.publicIp).domain("vpc")
                .publicIpv4Pool("amazon").networkBorderGroup(address.networkBorderGroup).build();
    }

    public DescribeAddressesResponse describeAddresses(CallContext ctx, DescribeAddressesRequest request) {
        List<Filters.Filter> filters = io.cloudjar.vpc.api.Ec2Filters.of(request.filters());
        AddressViews.FILTERS.validate(filters);
        NetworkState state = state(ctx);
        List<Address> addresses = state.read(() -> {
            Stream<AddressRecord> selected;
            if (request.allocationIds().isEmpty() && request.publicIps().isEmpty()) {
                selected = state.addresses.all().stream();
            } else {
                selected = Stream.concat(new LinkedHashSet<>(request.allocationIds()).stream().map(state.addresses::get),
                        new LinkedHashSet<>(request.publicIps()).stream().map(ip -> byPublicIp(state, ip)));
            }
            return selected.distinct().map(a -> AddressViews.render(state, a)).toList();
        });
        return DescribeAddressesResponse.builder()
                .addresses(addresses.stream().filter(a -> AddressViews.FILTERS.matches(a, filters)).toList()).build();
    }

    public DescribeAddressesAttributeResponse describeAddressesAttribute(CallContext ctx, DescribeAddressesAttributeRequest request) {
        NetworkState state = state(ctx);
        List<AddressAttribute> attributes = state.read(() -> (request.allocationIds().isEmpty()
                ? state.addresses.all().stream() : request.allocationIds().stream().map(state.addresses::get))
                .map(a -> AddressAttribute.builder().allocationId(a.id).publicIp(a.publicIp).build()).toList());
        return DescribeAddressesAttributeResponse.builder().addresses(attributes).build();
    }

    public AssociateAddressResponse associateAddress(CallContext ctx, AssociateAddressRequest request) {
        Scope scope = Scope.of(ctx);
        String interfaceId = request.networkInterfaceId();
        if (interfaceId == null) {
            if (request.instanceId() == null) {
                throw Ec2Errors.of("MissingParameter#associateTarget");
            }
            InstanceDirectory.InstanceRef instance = store.instance(scope, request.instanceId());
            interfaceId = instance.primaryNetworkInterfaceId();
        }
        String eniId = interfaceId;
        NetworkState state = state(ctx);
        String[] instanceId = new String[1];
        String associationId = state.write(() -> {
            AddressRecord address = address(state, request.allocationId(), request.publicIp());
            NetworkInterfaceRecord eni = state.interfaces.get(eniId);
            if (eni.requesterManaged()) {
                throw Ec2Errors.of("AuthFailure");
            }
            instanceId[0] = eni.instanceId();
            return Addresses.associate(store, state, address, eni, request.privateIpAddress(),
                    Boolean.TRUE.equals(request.allowReassociation()));
        });
        store.addressChanged(scope, instanceId[0], eniId, true);
        return AssociateAddressResponse.builder().associationId(associationId).build();
    }

    public DisassociateAddressResponse disassociateAddress(CallContext ctx, DisassociateAddressRequest request) {
        NetworkState state = state(ctx);
        String[] changed = new String[2];
        state.write(() -> {
            AddressRecord address = request.associationId() != null
                    ? state.addresses.first(a -> request.associationId().equals(a.associationId))
                            .orElseThrow(() -> Ec2Errors.of("InvalidAssociationID.NotFound", request.associationId()))
                    : byPublicIp(state, request.publicIp());
            if (!address.associated()) {
                return;
            }
            NetworkInterfaceRecord eni = state.interfaces.find(address.networkInterfaceId).orElse(null);
            if (eni != null && eni.requesterManaged()) {
                throw Ec2Errors.of("AuthFailure");
            }
            changed[0] = eni == null ? null : eni.instanceId();
            changed[1] = address.networkInterfaceId;
            Addresses.disassociate(state, address);
        });
        store.addressChanged(Scope.of(ctx), changed[0], changed[1], false);
        return DisassociateAddressResponse.builder().build();
    }

    public ReleaseAddressResponse releaseAddress(CallContext ctx, ReleaseAddressRequest request) {
        if (request.allocationId() == null) {
            throw Ec2Errors.of("InvalidParameterValue#releaseWithoutAllocation");
        }
        NetworkState state = state(ctx);
        state.write(() -> {
            AddressRecord address = state.addresses.get(request.allocationId());
            if (address.associated()) {
                throw Ec2Errors.of("InvalidIPAddress.InUse", address.publicIp);
            }
            state.addresses.remove(address.id);
            store.publicIps.release(address.publicIp);
        });
        return ReleaseAddressResponse.builder().build();
    }

    /** By allocation id, else by public address. */
    static AddressRecord address(NetworkState state, String allocationId, String publicIp) {
        if (allocationId != null) {
            return state.addresses.get(allocationId);
        }
        if (publicIp == null) {
            throw Ec2Errors.of("MissingParameter", "allocationId");
        }
        return byPublicIp(state, publicIp);
    }

    static AddressRecord byPublicIp(NetworkState state, String publicIp) {
        return state.addresses.first(a -> a.publicIp.equals(publicIp))
                .orElseThrow(() -> Ec2Errors.of("InvalidAddress.NotFound", publicIp));
    }
}
