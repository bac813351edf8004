package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesResponse;
import software.amazon.awssdk.services.ec2.model.AssignedPrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesResponse;

/**
 * Network interfaces: private addresses come from the subnet (its AvailableIpAddressCount drops), an
 * interface cannot be deleted while attached, and interfaces AWS manages for a service stay untouchable.
 */
public final class NetworkInterfaceProvider extends NetworkProvider {
    private static final Describe<NetworkInterface> DESCRIBE =
            new Describe<>(NetworkInterfaceViews.FILTERS, NetworkInterface::networkInterfaceId, "NetworkInterfaceIds");

    public CreateNetworkInterfaceResponse createNetworkInterface(CallContext ctx, CreateNetworkInterfaceRequest r) {
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "network-interface");
        String primary = r.privateIpAddress();
        List<String> secondary = new ArrayList<>();
        for (var ip : r.privateIpAddresses()) {
            if (Boolean.TRUE.equals(ip.primary()) && primary == null) {
                primary = ip.privateIpAddress();
            } else if (!Objects.equals(ip.privateIpAddress(), primary)) {
                secondary.add(ip.privateIpAddress());
            }
        }
        int count = r.secondaryPrivateIpAddressCount() == null ? 0 : r.secondaryPrivateIpAddressCount();
        String type = r.interfaceType() == null ? "interface" : r.interfaceTypeAsString();
        String first = primary;
        NetworkState state = state(ctx);
        NetworkInterface eni = state.write(() -> {
            NetworkInterfaceRecord record = Interfaces.create(state, new Interfaces.Spec(r.subnetId(), r.description(), r.groups(),
                    first, count, type, null, tags));
            SubnetRecord subnet = state.subnet(record.subnetId);
            try {
                for (String ip : secondary) {
                    record.privateIps.put(Ipv4Cidr.format(Interfaces.requestedAddress(subnet, ip)), null);
                }
            } catch (RuntimeException e) {
                Interfaces.delete(store, state, record); // a refused address leaves nothing behind
                throw e;
            }
            return NetworkInterfaceViews.render(state, record);
        });
        return CreateNetworkInterfaceResponse.builder().networkInterface(eni).clientToken(r.clientToken()).build();
    }

    public DescribeNetworkInterfacesResponse describeNetworkInterfaces(CallContext ctx, DescribeNetworkInterfacesRequest r) {
        NetworkState state = state(ctx);
        Pages.Page<NetworkInterface> page = DESCRIBE.run(state, state.interfaces, e -> NetworkInterfaceViews.render(state, e),
                r.filters(), r.networkInterfaceIds(), r.maxResults(), r.nextToken());
        return DescribeNetworkInterfacesResponse.builder().networkInterfaces(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteNetworkInterfaceResponse deleteNetworkInterface(CallContext ctx, DeleteNetworkInterfaceRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(r.networkInterfaceId());
            if (eni.attachment != null || eni.requesterManaged()) {
                throw Ec2Errors.of("InvalidNetworkInterface.InUse", eni.id);
            }
            Interfaces.delete(store, state, eni);
        });
        return DeleteNetworkInterfaceResponse.builder().build();
    }

    public AttachNetworkInterfaceResponse attachNetworkInterface(CallContext ctx, AttachNetworkInterfaceRequest r) {
        InstanceDirectory.InstanceRef instance = store.instance(Scope.of(ctx), r.instanceId());
        int index = r.deviceIndex() == null ? 1 : r.deviceIndex();
        NetworkState state = state(ctx);
        String attachmentId = state.write(() -> attach(state, r.networkInterfaceId(), instance.instanceId(), instance.vpcId(),
                index, false, store.clock.now()));
        return AttachNetworkInterfaceResponse.builder().attachmentId(attachmentId).networkCardIndex(0).build();
    }

    public DetachNetworkInterfaceResponse detachNetworkInterface(CallContext ctx, DetachNetworkInterfaceRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.first(i -> i.attachment != null
                    && i.attachment.attachmentId().equals(r.attachmentId()))
                    .orElseThrow(() -> Ec2Errors.of("InvalidAttachmentID.NotFound", r.attachmentId()));
            if (eni.attachment.deviceIndex() == 0) {
                throw Ec2Errors.of("OperationNotPermitted#detachPrimaryInterface");
            }
            eni.attachment = null;
        });
        return DetachNetworkInterfaceResponse.builder().build();
    }

    public AssignPrivateIpAddressesResponse assignPrivateIpAddresses(CallContext ctx, AssignPrivateIpAddressesRequest r) {
        NetworkState state = state(ctx);
        List<AssignedPrivateIpAddress> assigned = state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(r.networkInterfaceId());
            SubnetRecord subnet = state.subnet(eni.subnetId);
            int count = r.secondaryPrivateIpAddressCount() == null ? 0 : r.secondaryPrivateIpAddressCount();
            if (subnet.availableIpAddressCount() < r.privateIpAddresses().size() + count) {
                throw Ec2Errors.of("InsufficientFreeAddressesInSubnet", subnet.id);
            }
            List<String> added = new ArrayList<>();
            try {
                for (String ip : r.privateIpAddresses()) {
                    added.add(Ipv4Cidr.format(Interfaces.requestedAddress(subnet, ip)));
                }
            } catch (RuntimeException e) {
                added.forEach(ip -> subnet.release(Ipv4Cidr.parseAddress(ip).orElseThrow())); // all or nothing
                throw e;
            }
            for (int i = 0; i < count; i++) {
                added.add(Ipv4Cidr.format(subnet.allocate().orElseThrow()));
            }
            added.forEach(ip -> eni.privateIps.put(ip, null));
            return added.stream().map(ip -> AssignedPrivateIpAddress.builder().privateIpAddress(ip).build()).toList();
        });
        return AssignPrivateIpAddressesResponse.builder().networkInterfaceId(r.networkInterfaceId())
                .assignedPrivateIpAddresses(assigned).build();
    }

    public UnassignPrivateIpAddressesResponse unassignPrivateIpAddresses(CallContext ctx, UnassignPrivateIpAddressesRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(r.networkInterfaceId());
            for (String ip : r.privateIpAddresses()) {
                if (!eni.privateIps.containsKey(ip)) {
                    throw Ec2Errors.of("InvalidParameterValue#privateIpNotAssigned", ip, eni.id);
                }
                if (ip.equals(eni.primaryIp())) {
                    throw Ec2Errors.of("InvalidParameterValue#unassignPrimaryIp", ip);
                }
            }
            r.privateIpAddresses().forEach(ip -> Interfaces.unassign(store, state, eni, ip));
        });
        return UnassignPrivateIpAddressesResponse.builder().build();
    }

    /** Attaches under the caller's write lock; shared with the instance seam. */
    static String attach(NetworkState state, String interfaceId, String instanceId, String instanceVpcId, int deviceIndex,
                         boolean deleteOnTermination, java.time.Instant now) {
        NetworkInterfaceRecord eni = state.interfaces.get(interfaceId);
        if (eni.attachment != null) {
            throw Ec2Errors.of("InvalidParameterValue#interfaceAttached", eni.id, eni.attachment.instanceId());
        }
        if (instanceVpcId != null && !instanceVpcId.equals(eni.vpcId)) {
            throw Ec2Errors.of("InvalidParameterValue#interfaceNetwork", eni.id, instanceId);
        }
        if (state.interfacesAttachedTo(instanceId).stream().anyMatch(i -> i.attachment.deviceIndex() == deviceIndex)) {
            throw Ec2Errors.of("InvalidParameterValue#deviceIndexInUse", instanceId, deviceIndex);
        }
        eni.attachment = new NetworkInterfaceRecord.Attachment(Ids.ec2("eni-attach"), instanceId, state.accountId, deviceIndex,
                now, deleteOnTermination);
        state.indexAttachment(eni);
        return eni.attachment.attachmentId();
    }
}
