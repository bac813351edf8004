package io.cloudjar.ec2;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EBS volume. Its state is derived from the clock: {@code creating} until {@link #creation} completes,
 * then {@code in-use} while any attachment is live, else {@code available}. Attachments that finished
 * detaching are ignored on read and pruned on the next change.
 */
record VolumeRecord(String volumeId, String ownerId, String availabilityZone, String zoneId, int size,
                    String volumeType, Integer iops, Integer throughput, boolean encrypted, String kmsKeyId,
                    String snapshotId, boolean multiAttachEnabled, Instant createTime, Lifecycle creation,
                    List<Attachment> attachments, Map<String, String> tags, Modification modification) {
    VolumeRecord {
        attachments = List.copyOf(attachments);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    String state(Instant now) {
        if (!creation.isDone(now)) {
            return "creating";
        }
        return liveAttachments(now).isEmpty() ? "available" : "in-use";
    }

    List<Attachment> liveAttachments(Instant now) {
        return attachments.stream().filter(a -> !a.isGone(now)).toList();
    }

    VolumeRecord withAttachments(List<Attachment> newAttachments) {
        return new VolumeRecord(volumeId, ownerId, availabilityZone, zoneId, size, volumeType, iops, throughput,
                encrypted, kmsKeyId, snapshotId, multiAttachEnabled, createTime, creation, newAttachments, tags, modification);
    }

    VolumeRecord withTags(Map<String, String> newTags) {
        return new VolumeRecord(volumeId, ownerId, availabilityZone, zoneId, size, volumeType, iops, throughput,
                encrypted, kmsKeyId, snapshotId, multiAttachEnabled, createTime, creation, attachments, newTags, modification);
    }

    /** The volume with a modification's target values in effect, as EC2 shows them once modifying starts. */
    VolumeRecord modified(VolumeRules.Spec target, Modification started) {
        return new VolumeRecord(volumeId, ownerId, availabilityZone, zoneId, target.size(), target.volumeType(),
                target.iops(), target.throughput(), encrypted, kmsKeyId, snapshotId, target.multiAttachEnabled(),
                createTime, creation, attachments, tags, started);
    }

    VolumeRules.Spec spec() {
        return new VolumeRules.Spec(volumeType, size, iops, throughput, multiAttachEnabled);
    }

    /** One attachment; {@code detaching} flips it into a second transition that ends with its removal. */
    record Attachment(String instanceId, String device, Instant attachTime, boolean deleteOnTermination,
                      Lifecycle transition, boolean detaching) {
        String state(Instant now) {
            if (detaching) {
                return transition.isDone(now) ? "detached" : "detaching";
            }
            return transition.isDone(now) ? "attached" : "attaching";
        }

        boolean isGone(Instant now) {
            return detaching && transition.isDone(now);
        }

        Attachment detach(Lifecycle detachment) {
            return new Attachment(instanceId, device, attachTime, deleteOnTermination, detachment, true);
        }

        Attachment withDeleteOnTermination(boolean value) {
            return new Attachment(instanceId, device, attachTime, value, transition, detaching);
        }
    }

    /** A ModifyVolume in progress or done: {@code modifying}, then {@code optimizing}, then {@code completed}. */
    record Modification(VolumeRules.Spec original, VolumeRules.Spec target, Lifecycle lifecycle) {
        String state(Instant now) {
            if (lifecycle.isDone(now)) {
                return "completed";
            }
            return lifecycle.percent(now) < 20 ? "modifying" : "optimizing";
        }
    }
}
