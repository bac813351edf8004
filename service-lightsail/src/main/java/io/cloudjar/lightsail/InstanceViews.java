package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.Disk;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.InstanceHardware;
import software.amazon.awssdk.services.lightsail.model.InstanceNetworking;
import software.amazon.awssdk.services.lightsail.model.MonthlyTransfer;

/** An instance as GetInstance answers it: hardware from its bundle, its disks, addresses, ports and state now. */
final class InstanceViews {
    private InstanceViews() {
    }

    static Instance toSdk(LightsailState state, InstanceRecord i, Instant now) {
        Bundle bundle = BundleCatalog.find(i.bundleId()).orElseThrow();
        ResourceMeta m = i.meta();
        String staticIp = state.staticIpOf(i);
        return Instance.builder()
                .name(m.name()).arn(m.arn()).supportCode(m.supportCode()).createdAt(m.createdAt())
                .location(m.location()).resourceType(m.type()).tags(m.sdkTags())
                .blueprintId(i.blueprintId()).blueprintName(i.blueprintName()).bundleId(i.bundleId())
                .addOns(i.addOns())
                .isStaticIp(staticIp != null)
                .privateIpAddress(i.privateIp())
                .publicIpAddress(i.currentPublicIp(now, staticIp))
                .ipv6Addresses(i.ipv6Addresses())
                .ipAddressType(i.ipAddressType())
                .hardware(InstanceHardware.builder().cpuCount(bundle.cpuCount()).ramSizeInGb(bundle.ramSizeInGb())
                        .disks(disks(state, i, bundle, now)).build())
                .networking(InstanceNetworking.builder()
                        .monthlyTransfer(MonthlyTransfer.builder().gbPerMonthAllocated(bundle.transferPerMonthInGb()).build())
                        .ports(i.ports().stream().map(PortRule::toPortInfo).toList()).build())
                .state(i.sdkState(now))
                .username(i.username())
                .sshKeyName(i.sshKeyName())
                .metadataOptions(i.metadata().toSdk(now))
                .build();
    }

    /** The system disk (the bundle's size, at /dev/xvda) and the disks attached to it. */
    static List<Disk> disks(LightsailState state, InstanceRecord i, Bundle bundle, Instant now) {
        List<Disk> disks = new ArrayList<>();
        disks.add(Disk.builder().createdAt(i.meta().createdAt()).sizeInGb(bundle.diskSizeInGb()).isSystemDisk(true)
                .iops(DiskRecord.iops(bundle.diskSizeInGb())).path("/dev/xvda").attachedTo(i.name())
                .attachmentState("attached").build());
        state.disks.list().stream().filter(d -> i.name().equals(d.attachedTo()))
                .forEach(d -> disks.add(d.toSdk(now)));
        return disks;
    }
}
