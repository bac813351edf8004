package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Disk;
import software.amazon.awssdk.services.lightsail.model.InstanceSnapshot;

/**
 * A snapshot of a whole instance (system disk and the disks attached then): pending until {@code availableAt}. It keeps
 * what a new instance from it needs: blueprint, bundle, and the login user and ports of the source.
 */
record InstanceSnapshotRecord(ResourceMeta meta, String fromInstanceName, String fromInstanceArn, String fromBlueprintId,
                              String fromBundleId, int sizeInGb, List<Disk> fromAttachedDisks, List<PortRule> ports,
                              Instant availableAt) implements LightsailResource<InstanceSnapshotRecord> {

    InstanceSnapshotRecord {
        fromAttachedDisks = List.copyOf(fromAttachedDisks);
        ports = List.copyOf(ports);
    }

    @Override
    public InstanceSnapshotRecord withMeta(ResourceMeta newMeta) {
        return new InstanceSnapshotRecord(newMeta, fromInstanceName, fromInstanceArn, fromBlueprintId, fromBundleId,
                sizeInGb, fromAttachedDisks, ports, availableAt);
    }

    boolean available(Instant now) {
        return !now.isBefore(availableAt);
    }

    InstanceSnapshot toSdk(Instant now) {
        return InstanceSnapshot.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .state(available(now) ? "available" : "pending").progress(available(now) ? "100%" : "0%")
                .fromAttachedDisks(fromAttachedDisks)
                .fromInstanceName(fromInstanceName).fromInstanceArn(fromInstanceArn)
                .fromBlueprintId(fromBlueprintId).fromBundleId(fromBundleId)
                .isFromAutoSnapshot(false).sizeInGb(sizeInGb)
                .build();
    }
}
