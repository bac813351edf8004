package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AddOn;
import software.amazon.awssdk.services.lightsail.model.Disk;

/**
 * An additional block storage disk of one zone: pending until {@code availableAt}, then available or in-use when
 * attached. Attachment is immediate (AWS's attaching/detaching states are not modelled).
 *
 * @param path the device path it is attached at (/dev/xvdf ...), null when detached
 */
record DiskRecord(ResourceMeta meta, int sizeInGb, List<AddOn> addOns, Instant availableAt, String attachedTo, String path)
        implements LightsailResource<DiskRecord> {

    DiskRecord {
        addOns = List.copyOf(addOns);
    }

    @Override
    public DiskRecord withMeta(ResourceMeta newMeta) {
        return new DiskRecord(newMeta, sizeInGb, addOns, availableAt, attachedTo, path);
    }

    DiskRecord withAddOns(List<AddOn> newAddOns) {
        return new DiskRecord(meta, sizeInGb, newAddOns, availableAt, attachedTo, path);
    }

    DiskRecord attached(String instanceName, String devicePath) {
        return new DiskRecord(meta, sizeInGb, addOns, availableAt, instanceName, devicePath);
    }

    String state(Instant now) {
        return now.isBefore(availableAt) ? "pending" : attachedTo != null ? "in-use" : "available";
    }

    /** Lightsail's SSDs: 3 IOPS per GB, at least 100. */
    static int iops(int sizeInGb) {
        return Math.max(100, 3 * sizeInGb);
    }

    Disk toSdk(Instant now) {
        return Disk.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags()).addOns(addOns)
                .sizeInGb(sizeInGb).isSystemDisk(false).iops(iops(sizeInGb)).path(path)
                .state(state(now)).attachedTo(attachedTo).isAttached(attachedTo != null)
                .attachmentState(attachedTo != null ? "attached" : "detached")
                .gbInUse(0)
                .build();
    }
}
