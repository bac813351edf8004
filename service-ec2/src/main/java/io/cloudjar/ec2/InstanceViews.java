package io.cloudjar.ec2;

import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.HibernationOptions;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceMaintenanceOptions;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.StateReason;

/**
 * Renders instances as DescribeInstances shows them at one moment. The interfaces (from service-vpc) and
 * volumes of all the instances are gathered once, so rendering many instances costs one pass each.
 */
final class InstanceViews {
    private final Instant now;
    private final Map<String, List<InterfaceInfo>> interfaces;
    private final Map<String, List<VolumeRecord>> volumes;

    private InstanceViews(Instant now, Map<String, List<InterfaceInfo>> interfaces, Map<String, List<VolumeRecord>> volumes) {
        this.now = now;
        this.interfaces = interfaces;
        this.volumes = volumes;
    }

    /** Views of {@code instances} with their interfaces and volumes as they are now. */
    static InstanceViews of(ComputeStore store, Scope scope, Collection<InstanceRecord> instances, Instant now) {
        Set<String> ids = instances.stream().map(InstanceRecord::instanceId).collect(Collectors.toSet());
        Map<String, List<InterfaceInfo>> interfaces = ids.isEmpty() ? Map.of() : store.networking().interfacesOf(scope, ids);
        Map<String, List<VolumeRecord>> volumes = new HashMap<>();
        ComputeState state = store.get(scope.accountId(), scope.region());
        for (String id : ids) {
            for (VolumeRecord volume : state.volumesAttachedTo(id)) {
                if (volume.liveAttachments(now).stream().anyMatch(a -> a.instanceId().equals(id))) {
                    volumes.computeIfAbsent(id, k -> new ArrayList<>()).add(volume);
                }
            }
        }
        return new InstanceViews(now, interfaces, volumes);
    }

    /** Rendered instances grouped into their reservations, in the order given. */
    static List<Reservation> reservations(List<InstanceFilters.View> views) {
        Map<String, List<InstanceFilters.View>> byReservation = new LinkedHashMap<>();
        views.forEach(v -> byReservation.computeIfAbsent(v.record().launch().reservationId(), k -> new ArrayList<>()).add(v));
        return byReservation.values().stream().map(members -> {
            InstanceLaunch first = members.get(0).record().launch();
            return Reservation.builder().reservationId(first.reservationId()).ownerId(first.ownerId()).groups(List.of())
                    .instances(members.stream().map(InstanceFilters.View::instance).toList()).build();
        }).toList();
    }

    /** One reservation's instances, rendered (RunInstances answers with them). */
    Reservation reservation(List<InstanceRecord> members) {
        return reservations(members.stream().map(r -> new InstanceFilters.View(r, instance(r))).toList()).get(0);
    }

    List<InterfaceInfo> interfacesOf(String instanceId) {
        return interfaces.getOrDefault(instanceId, List.of());
    }

    Instance instance(InstanceRecord record) {
        InstanceLaunch l = record.launch();
        InstanceSettings s = record.settings();
        String state = record.phase().name(now);
        boolean terminated = state.equals("terminated");
        List<InterfaceInfo> enis = interfacesOf(l.instanceId());
        InterfaceInfo primary = enis.stream().filter(e -> e.attachment().deviceIndex() == 0).findFirst().orElse(null);
        Instance.Builder b = Instance.builder()
                .instanceId(l.instanceId())
                .imageId(l.imageId())
                .state(InstanceState.builder().code(InstancePhase.code(state)).name(state).build())
                .privateDnsName(primary == null ? "" : primary.privateDnsName())
                .publicDnsName(primary == null || primary.association() == null ? "" : primary.association().publicDnsName())
                .stateTransitionReason(record.phase().lifecycle().isDone(now) ? record.phase().transitionReason() : "")
                .keyName(l.keyName())
                .amiLaunchIndex(l.amiLaunchIndex())
                .productCodes(List.of())
                .instanceType(s.instanceType())
                .launchTime(l.launchTime())
                .placement(Placement.builder().availabilityZone(l.availabilityZone()).groupName("").tenancy(l.tenancy()).build())
                .platform(l.platform())
                .monitoring(Monitoring.builder().state(s.monitoring() ? "enabled" : "disabled").build())
                .architecture(l.architecture())
                .rootDeviceType("ebs")
                .rootDeviceName(l.rootDeviceName())
                .blockDeviceMappings(terminated ? List.of() : blockDevices(l.instanceId()))
                .virtualizationType("hvm")
                .clientToken(l.clientToken() == null ? "" : l.clientToken())
                .tags(record.tags().isEmpty() ? null : Tags.toSdk(record.tags()))
                .hypervisor("xen")
                .networkInterfaces(enis.stream().map(this::networkInterface).toList())
                .ebsOptimized(s.ebsOptimized())
                .enaSupport(true)
                .sourceDestCheck(primary == null ? null : primary.sourceDestCheck())
                .iamInstanceProfile(record.profile() == null ? null
                        : IamInstanceProfile.builder().arn(record.profile().arn()).id(record.profile().id()).build())
                .cpuOptions(CpuOptions.builder().coreCount(l.cpuCores()).threadsPerCore(l.threadsPerCore()).build())
                .capacityReservationSpecification(CapacityReservationSpecificationResponse.builder()
                        .capacityReservationPreference("open").build())
                .hibernationOptions(HibernationOptions.builder().configured(false).build())
                .metadataOptions(metadataOptions(s.metadata()))
                .enclaveOptions(EnclaveOptions.builder().enabled(false).build())
                .bootMode(l.bootMode())
                .currentInstanceBootMode(l.bootMode() == null ? "legacy-bios" : l.bootMode())
                .platformDetails(l.platformDetails())
                .usageOperation(l.usageOperation())
                .usageOperationUpdateTime(l.launchTime())
                .privateDnsNameOptions(PrivateDnsNameOptionsResponse.builder().hostnameType("ip-name")
                        .enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false).build())
                .maintenanceOptions(InstanceMaintenanceOptions.builder().autoRecovery("default").build());
        if (!record.phase().lifecycle().isDone(now) || record.phase().userInitiated()) {
            b.stateReason(stateReason(record, state));
        }
        if (primary != null) {
            b.subnetId(primary.subnetId()).vpcId(primary.vpcId()).privateIpAddress(primary.privateIpAddress())
                    .publicIpAddress(primary.association() == null ? null : primary.association().publicIp())
                    .securityGroups(groups(primary.groups()));
        } else {
            b.securityGroups(List.of());
        }
        return b.build();
    }

    private StateReason stateReason(InstanceRecord record, String state) {
        if (state.equals("pending")) {
            return StateReason.builder().code("pending").message("pending").build();
        }
        return StateReason.builder().code("Client.UserInitiatedShutdown")
                .message("Client.UserInitiatedShutdown: User initiated shutdown").build();
    }

    private List<InstanceBlockDeviceMapping> blockDevices(String instanceId) {
        List<InstanceBlockDeviceMapping> out = new ArrayList<>();
        for (VolumeRecord v : volumes.getOrDefault(instanceId, List.of())) {
            for (VolumeRecord.Attachment a : v.liveAttachments(now)) {
                if (a.instanceId().equals(instanceId)) {
                    out.add(InstanceBlockDeviceMapping.builder().deviceName(a.device())
                            .ebs(EbsInstanceBlockDevice.builder().attachTime(a.attachTime())
                                    .deleteOnTermination(a.deleteOnTermination()).status(a.state(now))
                                    .volumeId(v.volumeId()).build()).build());
                }
            }
        }
        out.sort(java.util.Comparator.comparing(InstanceBlockDeviceMapping::deviceName));
        return out;
    }

    private InstanceNetworkInterface networkInterface(InterfaceInfo e) {
        return InstanceNetworkInterface.builder()
                .association(association(e.association()))
                .attachment(InstanceNetworkInterfaceAttachment.builder().attachTime(e.attachment().attachTime())
                        .attachmentId(e.attachment().attachmentId()).deleteOnTermination(e.attachment().deleteOnTermination())
                        .deviceIndex(e.attachment().deviceIndex()).networkCardIndex(0).status(e.attachment().status()).build())
                .description(e.description())
                .groups(groups(e.groups()))
                .ipv6Addresses(List.of())
                .macAddress(e.macAddress())
                .networkInterfaceId(e.networkInterfaceId())
                .ownerId(e.ownerId())
                .privateDnsName(e.privateDnsName())
                .privateIpAddress(e.privateIpAddress())
                .privateIpAddresses(e.privateIpAddresses().stream().map(p -> InstancePrivateIpAddress.builder()
                        .association(association(p.association())).primary(p.primary())
                        .privateDnsName(p.privateDnsName()).privateIpAddress(p.privateIpAddress()).build()).toList())
                .sourceDestCheck(e.sourceDestCheck())
                .status(e.status())
                .subnetId(e.subnetId())
                .vpcId(e.vpcId())
                .interfaceType(e.interfaceType())
                .build();
    }

    private static InstanceNetworkInterfaceAssociation association(InterfaceInfo.PublicIp ip) {
        return ip == null ? null : InstanceNetworkInterfaceAssociation.builder().ipOwnerId(ip.ipOwnerId())
                .publicDnsName(ip.publicDnsName()).publicIp(ip.publicIp()).build();
    }

    static List<GroupIdentifier> groups(List<SecurityGroupInfo> groups) {
        return groups.stream().map(g -> GroupIdentifier.builder().groupId(g.groupId()).groupName(g.groupName()).build()).toList();
    }

    static InstanceMetadataOptionsResponse metadataOptions(InstanceSettings.MetadataOptions m) {
        return InstanceMetadataOptionsResponse.builder().state("applied").httpTokens(m.httpTokens())
                .httpPutResponseHopLimit(m.hopLimit()).httpEndpoint(m.httpEndpoint()).httpProtocolIpv6(m.httpProtocolIpv6())
                .instanceMetadataTags(m.instanceMetadataTags()).build();
    }
}
