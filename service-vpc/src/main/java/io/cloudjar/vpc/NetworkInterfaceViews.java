package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.NetworkInterfaceRecord.PublicAddress;
import io.cloudjar.vpc.api.Tags;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/** Renders interfaces as the SDK's {@code NetworkInterface} and names DescribeNetworkInterfaces' filters. */
final class NetworkInterfaceViews {
    static final Filters<NetworkInterface> FILTERS = new Filters<NetworkInterface>()
            .on("addresses.private-ip-address", ips(NetworkInterfacePrivateIpAddress::privateIpAddress))
            .on("addresses.primary", ips(a -> String.valueOf(a.primary())))
            .on("addresses.association.public-ip", ips(a -> a.association() == null ? null : a.association().publicIp()))
            .on("addresses.association.owner-id", ips(a -> a.association() == null ? null : a.association().ipOwnerId()))
            .onValue("association.association-id", n -> n.association() == null ? null : n.association().associationId())
            .onValue("association.allocation-id", n -> n.association() == null ? null : n.association().allocationId())
            .onValue("association.ip-owner-id", n -> n.association() == null ? null : n.association().ipOwnerId())
            .onValue("association.public-ip", n -> n.association() == null ? null : n.association().publicIp())
            .onValue("association.public-dns-name", n -> n.association() == null ? null : n.association().publicDnsName())
            .onValue("attachment.attachment-id", n -> n.attachment() == null ? null : n.attachment().attachmentId())
            .onValue("attachment.attach-time", n -> n.attachment() == null ? null : n.attachment().attachTime())
            .onValue("attachment.delete-on-termination", n -> n.attachment() == null ? null : n.attachment().deleteOnTermination())
            .onValue("attachment.device-index", n -> n.attachment() == null ? null : n.attachment().deviceIndex())
            .onValue("attachment.instance-id", n -> n.attachment() == null ? null : n.attachment().instanceId())
            .onValue("attachment.instance-owner-id", n -> n.attachment() == null ? null : n.attachment().instanceOwnerId())
            .onValue("attachment.status", n -> n.attachment() == null ? null : n.attachment().statusAsString())
            .onValue("availability-zone", NetworkInterface::availabilityZone)
            .onValue("description", NetworkInterface::description)
            .on("group-id", n -> n.groups().stream().map(GroupIdentifier::groupId).toList())
            .on("group-name", n -> n.groups().stream().map(GroupIdentifier::groupName).toList())
            .onValue("interface-type", NetworkInterface::interfaceTypeAsString)
            .onValue("mac-address", NetworkInterface::macAddress)
            .onValue("network-interface-id", NetworkInterface::networkInterfaceId)
            .onValue("owner-id", NetworkInterface::ownerId)
            .onValue("private-ip-address", NetworkInterface::privateIpAddress)
            .onValue("private-dns-name", NetworkInterface::privateDnsName)
            .onValue("requester-id", NetworkInterface::requesterId)
            .onValue("requester-managed", NetworkInterface::requesterManaged)
            .onValue("source-dest-check", NetworkInterface::sourceDestCheck)
            .onValue("status", NetworkInterface::statusAsString)
            .onValue("subnet-id", NetworkInterface::subnetId)
            .onValue("vpc-id", NetworkInterface::vpcId)
            .withTags(n -> Tags.asMap(n.tagSet()));

    private NetworkInterfaceViews() {
    }

    static NetworkInterface render(NetworkState state, NetworkInterfaceRecord eni) {
        NetworkInterface.Builder b = NetworkInterface.builder()
                .networkInterfaceId(eni.id)
                .subnetId(eni.subnetId)
                .vpcId(eni.vpcId)
                .availabilityZone(eni.availabilityZone)
                .ownerId(eni.ownerId)
                .description(eni.description)
                .interfaceType(eni.interfaceType)
                .macAddress(eni.macAddress)
                .requesterId(eni.requesterId)
                .requesterManaged(eni.requesterManaged())
                .sourceDestCheck(eni.sourceDestCheck)
                .status(eni.status())
                .privateIpAddress(eni.primaryIp())
                .privateDnsName(DnsNames.privateName(eni.primaryIp(), state.region))
                .groups(groups(state, eni))
                .ipv6Addresses(List.of())
                .privateIpAddresses(eni.privateIps.entrySet().stream().map(e -> NetworkInterfacePrivateIpAddress.builder()
                        .privateIpAddress(e.getKey())
                        .privateDnsName(DnsNames.privateName(e.getKey(), state.region))
                        .primary(e.getKey().equals(eni.primaryIp()))
                        .association(association(state, e.getValue()))
                        .build()).toList())
                .association(association(state, eni.privateIps.get(eni.primaryIp())))
                .tagSet(Tags.toSdk(eni.tags));
        if (eni.attachment != null) {
            NetworkInterfaceRecord.Attachment a = eni.attachment;
            b.attachment(NetworkInterfaceAttachment.builder().attachmentId(a.attachmentId()).instanceId(a.instanceId())
                    .instanceOwnerId(a.instanceOwnerId()).deviceIndex(a.deviceIndex()).networkCardIndex(0)
                    .attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination()).status("attached").build());
        }
        return b.build();
    }

    static List<GroupIdentifier> groups(NetworkState state, NetworkInterfaceRecord eni) {
        return eni.groupIds.stream().map(id -> GroupIdentifier.builder().groupId(id)
                .groupName(state.securityGroups.find(id).map(g -> g.groupName).orElse(null)).build()).toList();
    }

    static NetworkInterfaceAssociation association(NetworkState state, PublicAddress pub) {
        if (pub == null) {
            return null;
        }
        return NetworkInterfaceAssociation.builder()
                .publicIp(pub.publicIp())
                .publicDnsName(DnsNames.publicName(pub.publicIp(), state.region))
                .ipOwnerId(pub.elastic() ? state.accountId : "amazon")
                .allocationId(pub.allocationId())
                .associationId(pub.associationId())
                .build();
    }

    private static Function<NetworkInterface, Collection<String>> ips(Function<NetworkInterfacePrivateIpAddress, String> field) {
        return n -> n.privateIpAddresses().stream().map(field).filter(Objects::nonNull).toList();
    }
}
