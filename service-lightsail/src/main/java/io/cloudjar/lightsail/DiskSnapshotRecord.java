package io.cloudjar.lightsail;

import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.DiskSnapshot;

/** A snapshot of an additional disk or of an instance's system disk: pending until {@code completedAt}. */
record DiskSnapshotRecord(ResourceMeta meta, int sizeInGb, String fromDiskName, String fromDiskArn,
                          String fromInstanceName, String fromInstanceArn, Instant completedAt)
        implements LightsailResource<DiskSnapshotRecord> {

    @Override
    public DiskSnapshotRecord withMeta(ResourceMeta newMeta) {
        return new DiskSnapshotRecord(newMeta, sizeInGb, fromDiskName, fromDiskArn, fromInstanceName, fromInstanceArn, completedAt);
    }

    boolean completed(Instant now) {
        return !now.isBefore(completedAt);
    }

    DiskSnapshot toSdk(Instant now) {
        return DiskSnapshot.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .sizeInGb(sizeInGb).state(completed(now) ? "completed" : "pending").progress(completed(now) ? "100%" : "0%")
                .fromDiskName(fromDiskName).fromDiskArn(fromDiskArn)
                .fromInstanceName(fromInstanceName).fromInstanceArn(fromInstanceArn)
                .isFromAutoSnapshot(false)
                .build();
    }
}
