package io.cloudjar.ec2;

import io.cloudjar.core.support.Filters;
import java.util.Collection;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** The filters DescribeVolumes accepts, as the EC2 API reference lists them, on the rendered volume. */
final class VolumeFilters {
    static final Filters<Volume> FILTERS = new Filters<Volume>()
            .on("attachment.attach-time", attachment(a -> String.valueOf(a.attachTime())))
            .on("attachment.delete-on-termination", attachment(a -> String.valueOf(a.deleteOnTermination())))
            .on("attachment.device", attachment(VolumeAttachment::device))
            .on("attachment.instance-id", attachment(VolumeAttachment::instanceId))
            .on("attachment.status", attachment(VolumeAttachment::stateAsString))
            .onValue("availability-zone", Volume::availabilityZone)
            .onValue("availability-zone-id", Volume::availabilityZoneId)
            .onValue("create-time", Volume::createTime)
            .onValue("encrypted", Volume::encrypted)
            .onValue("fast-restored", v -> false)
            .onValue("multi-attach-enabled", Volume::multiAttachEnabled)
            .onValue("size", Volume::size)
            .onValue("snapshot-id", Volume::snapshotId)
            .onValue("status", Volume::stateAsString)
            .onValue("volume-id", Volume::volumeId)
            .onValue("volume-type", Volume::volumeTypeAsString)
            .onValue("iops", Volume::iops)
            .onValue("throughput", Volume::throughput)
            .withTags(v -> SdkTags.map(v.tags()));

    private VolumeFilters() {
    }

    private static Function<Volume, Collection<String>> attachment(Function<VolumeAttachment, String> field) {
        return v -> v.attachments().stream().map(field).toList();
    }
}
