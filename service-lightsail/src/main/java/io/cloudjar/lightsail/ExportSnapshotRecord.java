package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.DestinationInfo;
import software.amazon.awssdk.services.lightsail.model.DiskInfo;
import software.amazon.awssdk.services.lightsail.model.DiskSnapshotInfo;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecordSourceInfo;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecordSourceType;
import software.amazon.awssdk.services.lightsail.model.InstanceSnapshotInfo;
import software.amazon.awssdk.services.lightsail.model.RecordState;

/**
 * An instance or disk snapshot exported to EC2 (ExportSnapshot): Started until {@code completesAt}, then Succeeded.
 * It keeps what the source was (the snapshot may be deleted later) and what EC2 has of it: an AMI
 * ({@code Aws::EC2::Image}) or an EBS snapshot ({@code Aws::EC2::Snapshot}).
 *
 * @param source      the exported snapshot as it was
 * @param destinationId      the EC2 resource's id
 * @param destinationService AWS's name of its type
 */
record ExportSnapshotRecord(ResourceMeta meta, Source source, String destinationId, String destinationService,
                            Instant completesAt) implements LightsailResource<ExportSnapshotRecord> {
    static final String IMAGE = "Aws::EC2::Image";
    static final String SNAPSHOT = "Aws::EC2::Snapshot";

    /**
     * @param disks the system disk first, then the attached ones (instance snapshots); empty for a disk snapshot
     * @param ports the source instance's firewall (CreateCloudFormationStack's INSTANCE ports)
     */
    record Source(ExportSnapshotRecordSourceType type, Instant createdAt, String name, String arn, String fromResourceName,
                  String fromResourceArn, String fromBundleId, String fromBlueprintId, int sizeInGb, List<ExportedDisk> disks,
                  List<PortRule> ports) {
        Source {
            disks = List.copyOf(disks);
            ports = List.copyOf(ports);
        }
    }

    /** @param name null for the system disk (AWS lists it by path only) */
    record ExportedDisk(String name, String path, int sizeInGb, boolean system) {
    }

    @Override
    public ExportSnapshotRecord withMeta(ResourceMeta newMeta) {
        return new ExportSnapshotRecord(newMeta, source, destinationId, destinationService, completesAt);
    }

    boolean succeeded(Instant now) {
        return !now.isBefore(completesAt);
    }

    boolean ofInstance() {
        return source.type() == ExportSnapshotRecordSourceType.INSTANCE_SNAPSHOT;
    }

    software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecord toSdk(Instant now) {
        ExportSnapshotRecordSourceInfo.Builder info = ExportSnapshotRecordSourceInfo.builder().resourceType(source.type())
                .createdAt(source.createdAt()).name(source.name()).arn(source.arn())
                .fromResourceName(source.fromResourceName()).fromResourceArn(source.fromResourceArn());
        if (ofInstance()) {
            info.instanceSnapshotInfo(InstanceSnapshotInfo.builder().fromBundleId(source.fromBundleId())
                    .fromBlueprintId(source.fromBlueprintId())
                    .fromDiskInfo(source.disks().stream().map(d -> DiskInfo.builder().name(d.name()).path(d.path())
                            .sizeInGb(d.sizeInGb()).isSystemDisk(d.system()).build()).toList())
                    .build());
        } else {
            info.diskSnapshotInfo(DiskSnapshotInfo.builder().sizeInGb(source.sizeInGb()).build());
        }
        return software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecord.builder()
                .name(meta.name()).arn(meta.arn()).createdAt(meta.createdAt()).location(meta.location())
                .resourceType(meta.type()).state(succeeded(now) ? RecordState.SUCCEEDED : RecordState.STARTED)
                .sourceInfo(info.build())
                .destinationInfo(DestinationInfo.builder().id(destinationId).service(destinationService).build())
                .build();
    }
}
