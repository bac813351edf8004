package io.cloudjar.ec2;

import io.cloudjar.core.support.Filters;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;

/**
 * The filters DescribeInstances documents, on the rendered instance (what the caller sees is what filters
 * see) and on its reservation.
 */
final class InstanceFilters {
    /** A rendered instance with the reservation facts some filters read. */
    record View(InstanceRecord record, Instance instance) {
    }

    static final Filters<View> FILTERS = new Filters<View>()
            .onValue("affinity", v -> null)
            .onValue("ami-launch-index", v -> v.instance().amiLaunchIndex())
            .onValue("architecture", v -> v.instance().architectureAsString())
            .onValue("availability-zone", v -> v.instance().placement().availabilityZone())
            .on("block-device-mapping.attach-time", blockDevices(b -> DateTimeFormatter.ISO_INSTANT.format(b.ebs().attachTime())))
            .on("block-device-mapping.delete-on-termination", blockDevices(b -> String.valueOf(b.ebs().deleteOnTermination())))
            .on("block-device-mapping.device-name", blockDevices(InstanceBlockDeviceMapping::deviceName))
            .on("block-device-mapping.status", blockDevices(b -> b.ebs().statusAsString()))
            .on("block-device-mapping.volume-id", blockDevices(b -> b.ebs().volumeId()))
            .onValue("boot-mode", v -> v.instance().bootModeAsString())
            .onValue("client-token", v -> v.instance().clientToken())
            .onValue("current-instance-boot-mode", v -> v.instance().currentInstanceBootModeAsString())
            .onValue("dns-name", v -> v.instance().publicDnsName())
            .onValue("ebs-optimized", v -> v.instance().ebsOptimized())
            .onValue("ena-support", v -> v.instance().enaSupport())
            .onValue("hibernation-options.configured", v -> v.instance().hibernationOptions().configured())
            .onValue("host-id", v -> null)
            .onValue("hypervisor", v -> v.instance().hypervisorAsString())
            .onValue("iam-instance-profile.arn", v -> v.instance().iamInstanceProfile() == null ? null : v.instance().iamInstanceProfile().arn())
            .onValue("iam-instance-profile.id", v -> v.instance().iamInstanceProfile() == null ? null : v.instance().iamInstanceProfile().id())
            .onValue("image-id", v -> v.instance().imageId())
            .onValue("instance-id", v -> v.instance().instanceId())
            .onValue("instance-lifecycle", v -> null)
            .onValue("instance-state-code", v -> v.instance().state().code())
            .onValue("instance-state-name", v -> v.instance().state().nameAsString())
            .onValue("instance-type", v -> v.instance().instanceTypeAsString())
            .on("instance.group-id", groups(GroupIdentifier::groupId))
            .on("instance.group-name", groups(GroupIdentifier::groupName))
            .on("group-id", groups(GroupIdentifier::groupId))
            .on("group-name", groups(GroupIdentifier::groupName))
            .onValue("ip-address", v -> v.instance().publicIpAddress())
            .onValue("kernel-id", v -> null)
            .onValue("key-name", v -> v.instance().keyName())
            .onValue("launch-index", v -> v.instance().amiLaunchIndex())
            .onValue("launch-time", v -> DateTimeFormatter.ISO_INSTANT.format(v.instance().launchTime()))
            .onValue("maintenance-options.auto-recovery", v -> v.instance().maintenanceOptions().autoRecoveryAsString())
            .onValue("metadata-options.http-endpoint", v -> v.instance().metadataOptions().httpEndpointAsString())
            .onValue("metadata-options.http-protocol-ipv6", v -> v.instance().metadataOptions().httpProtocolIpv6AsString())
            .onValue("metadata-options.http-put-response-hop-limit", v -> v.instance().metadataOptions().httpPutResponseHopLimit())
            .onValue("metadata-options.http-tokens", v -> v.instance().metadataOptions().httpTokensAsString())
            .onValue("metadata-options.instance-metadata-tags", v -> v.instance().metadataOptions().instanceMetadataTagsAsString())
            .onValue("monitoring-state", v -> v.instance().monitoring().stateAsString())
            .on("network-interface.addresses.association.ip-owner-id", addresses(a -> a.association() == null ? null : a.association().ipOwnerId()))
            .on("network-interface.addresses.association.public-ip", addresses(a -> a.association() == null ? null : a.association().publicIp()))
            .on("network-interface.addresses.primary", addresses(a -> String.valueOf(a.primary())))
            .on("network-interface.addresses.private-ip-address", addresses(InstancePrivateIpAddress::privateIpAddress))
            .on("network-interface.association.public-ip", interfaces(n -> n.association() == null ? null : n.association().publicIp()))
            .on("network-interface.association.ip-owner-id", interfaces(n -> n.association() == null ? null : n.association().ipOwnerId()))
            .on("network-interface.attachment.attachment-id", interfaces(n -> n.attachment().attachmentId()))
            .on("network-interface.attachment.device-index", interfaces(n -> String.valueOf(n.attachment().deviceIndex())))
            .on("network-interface.attachment.status", interfaces(n -> n.attachment().statusAsString()))
            .on("network-interface.attachment.delete-on-termination", interfaces(n -> String.valueOf(n.attachment().deleteOnTermination())))
            .on("network-interface.description", interfaces(InstanceNetworkInterface::description))
            .on("network-interface.group-id", interfaceGroups(GroupIdentifier::groupId))
            .on("network-interface.group-name", interfaceGroups(GroupIdentifier::groupName))
            .on("network-interface.mac-address", interfaces(InstanceNetworkInterface::macAddress))
            .on("network-interface.network-interface-id", interfaces(InstanceNetworkInterface::networkInterfaceId))
            .on("network-interface.owner-id", interfaces(InstanceNetworkInterface::ownerId))
            .on("network-interface.private-dns-name", interfaces(InstanceNetworkInterface::privateDnsName))
            .on("network-interface.source-dest-check", interfaces(n -> String.valueOf(n.sourceDestCheck())))
            .on("network-interface.status", interfaces(InstanceNetworkInterface::statusAsString))
            .on("network-interface.subnet-id", interfaces(InstanceNetworkInterface::subnetId))
            .on("network-interface.vpc-id", interfaces(InstanceNetworkInterface::vpcId))
            .onValue("owner-id", v -> v.record().launch().ownerId())
            .onValue("placement-group-name", v -> v.instance().placement().groupName())
            .onValue("platform", v -> v.instance().platformAsString())
            .onValue("platform-details", v -> v.instance().platformDetails())
            .onValue("private-dns-name", v -> v.instance().privateDnsName())
            .onValue("private-ip-address", v -> v.instance().privateIpAddress())
            .on("product-code", v -> List.of())
            .on("product-code.type", v -> List.of())
            .onValue("ramdisk-id", v -> null)
            .onValue("reason", v -> v.instance().stateTransitionReason())
            .onValue("requester-id", v -> null)
            .onValue("reservation-id", v -> v.record().launch().reservationId())
            .onValue("root-device-name", v -> v.instance().rootDeviceName())
            .onValue("root-device-type", v -> v.instance().rootDeviceTypeAsString())
            .onValue("source-dest-check", v -> v.instance().sourceDestCheck())
            .onValue("spot-instance-request-id", v -> null)
            .onValue("state-reason-code", v -> v.instance().stateReason() == null ? null : v.instance().stateReason().code())
            .onValue("state-reason-message", v -> v.instance().stateReason() == null ? null : v.instance().stateReason().message())
            .onValue("subnet-id", v -> v.instance().subnetId())
            .onValue("tenancy", v -> v.instance().placement().tenancyAsString())
            .onValue("usage-operation", v -> v.instance().usageOperation())
            .onValue("virtualization-type", v -> v.instance().virtualizationTypeAsString())
            .onValue("vpc-id", v -> v.instance().vpcId())
            .withTags(v -> v.record().tags());

    private InstanceFilters() {
    }

    private static Function<View, Collection<String>> blockDevices(Function<InstanceBlockDeviceMapping, String> value) {
        return v -> v.instance().blockDeviceMappings().stream().map(value).filter(Objects::nonNull).toList();
    }

    private static Function<View, Collection<String>> groups(Function<GroupIdentifier, String> value) {
        return v -> v.instance().securityGroups().stream().map(value).toList();
    }

    private static Function<View, Collection<String>> interfaces(Function<InstanceNetworkInterface, String> value) {
        return v -> v.instance().networkInterfaces().stream().map(value).filter(Objects::nonNull).toList();
    }

    private static Function<View, Collection<String>> interfaceGroups(Function<GroupIdentifier, String> value) {
        return v -> v.instance().networkInterfaces().stream().flatMap(n -> n.groups().stream()).map(value).toList();
    }

    private static Function<View, Collection<String>> addresses(Function<InstancePrivateIpAddress, String> value) {
        return v -> v.instance().networkInterfaces().stream().flatMap(n -> n.privateIpAddresses().stream())
                .map(value).filter(Objects::nonNull).toList();
    }

    /** The filters {@link #mayMatch} decides on stored records. */
    private static final java.util.Set<String> ON_RECORD = java.util.Set.of("instance-id", "instance-state-name",
            "instance-type", "image-id", "key-name", "availability-zone", "reservation-id", "vpc-id", "subnet-id");

    /** True when {@link #mayMatch} alone decides every filter (so records can be paged before rendering). */
    static boolean decidedOnRecord(List<Filters.Filter> filters) {
        return filters.stream().allMatch(f -> f.name().startsWith("tag:") || ON_RECORD.contains(f.name()));
    }

    /**
     * Filters that can be decided on the stored record before rendering, so that a filtered call over many
     * instances renders only the candidates. A record passing here is still checked against every filter.
     */
    static boolean mayMatch(InstanceRecord r, String state, List<Filters.Filter> filters) {
        for (Filters.Filter f : filters) {
            boolean tag = f.name().startsWith("tag:");
            if (!tag && !ON_RECORD.contains(f.name())) {
                continue;
            }
            String value = tag ? r.tags().get(f.name().substring(4)) : recordValue(r, state, f.name());
            if (value == null || f.values().stream().noneMatch(p -> Filters.wildcard(p, value))) {
                return false;
            }
        }
        return true;
    }

    private static String recordValue(InstanceRecord r, String state, String name) {
        boolean networked = !state.equals("terminated") && !state.equals("shutting-down");
        return switch (name) {
            case "instance-id" -> r.instanceId();
            case "instance-state-name" -> state;
            case "instance-type" -> r.instanceType();
            case "image-id" -> r.launch().imageId();
            case "key-name" -> r.launch().keyName();
            case "availability-zone" -> r.launch().availabilityZone();
            case "reservation-id" -> r.launch().reservationId();
            case "vpc-id" -> networked ? r.launch().vpcId() : null; // the interfaces go at termination
            case "subnet-id" -> networked ? r.launch().subnetId() : null;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
