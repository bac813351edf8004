package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeModification;

/** Renders stored volumes, attachments and modifications as the SDK shapes, at a given moment. */
final class VolumeViews {
    private VolumeViews() {
    }

    static Volume volume(VolumeRecord v, Instant now) {
        return Volume.builder()
                .volumeId(v.volumeId())
                .size(v.size())
                .snapshotId(v.snapshotId() == null ? "" : v.snapshotId()) // EC2 sends an empty snapshotId
                .availabilityZone(v.availabilityZone())
                .availabilityZoneId(v.zoneId())
                .state(v.state(now))
                .createTime(v.createTime())
                .attachments(v.liveAttachments(now).stream().map(a -> attachment(v, a, now)).toList())
                .volumeType(v.volumeType())
                .iops(v.iops())
                .throughput(v.throughput())
                .encrypted(v.encrypted())
                .kmsKeyId(v.kmsKeyId())
                .multiAttachEnabled(v.multiAttachEnabled())
                .tags(v.tags().isEmpty() ? null : Tags.toSdk(v.tags()))
                .build();
    }

    static CreateVolumeResponse created(VolumeRecord v) {
        return CreateVolumeResponse.builder()
                .volumeId(v.volumeId())
                .size(v.size())
                .snapshotId(v.snapshotId() == null ? "" : v.snapshotId())
                .availabilityZone(v.availabilityZone())
                .availabilityZoneId(v.zoneId())
                .state("creating")
                .createTime(v.createTime())
                .volumeType(v.volumeType())
                .iops(v.iops())
                .throughput(v.throughput())
                .encrypted(v.encrypted())
                .kmsKeyId(v.kmsKeyId())
                .multiAttachEnabled(v.multiAttachEnabled())
                .tags(v.tags().isEmpty() ? null : Tags.toSdk(v.tags()))
                .build();
    }

    static VolumeAttachment attachment(VolumeRecord v, VolumeRecord.Attachment a, Instant now) {
        return VolumeAttachment.builder()
                .volumeId(v.volumeId())
                .instanceId(a.instanceId())
                .device(a.device())
                .state(a.state(now))
                .attachTime(a.attachTime())
                .deleteOnTermination(a.deleteOnTermination())
                .build();
    }

    static VolumeModification modification(VolumeRecord v, Instant now) {
        VolumeRecord.Modification m = v.modification();
        return VolumeModification.builder()
                .volumeId(v.volumeId())
                .modificationState(m.state(now))
                .targetSize(m.target().size())
                .targetVolumeType(m.target().volumeType())
                .targetIops(m.target().iops())
                .targetThroughput(m.target().throughput())
                .targetMultiAttachEnabled(m.target().multiAttachEnabled())
                .originalSize(m.original().size())
                .originalVolumeType(m.original().volumeType())
                .originalIops(m.original().iops())
                .originalThroughput(m.original().throughput())
                .originalMultiAttachEnabled(m.original().multiAttachEnabled())
                .progress((long) m.lifecycle().percent(now))
                .startTime(m.lifecycle().start())
                .endTime(m.lifecycle().isDone(now) ? m.lifecycle().end() : null)
                .build();
    }
}
