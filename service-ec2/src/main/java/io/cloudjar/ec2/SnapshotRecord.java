package io.cloudjar.ec2;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An EBS snapshot: {@code pending} with growing progress until its {@link Lifecycle} completes on the
 * emulator clock, then {@code completed}. {@code volumeId} is {@code vol-ffffffff} for copies, as on AWS.
 */
record SnapshotRecord(String snapshotId, String ownerId, String volumeId, int volumeSize, String description,
                      boolean encrypted, String kmsKeyId, Instant startTime, Lifecycle lifecycle,
                      Map<String, String> tags, Set<String> restorableBy) {
    static final String COPIED_VOLUME_ID = "vol-ffffffff";

    SnapshotRecord {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        restorableBy = Set.copyOf(restorableBy);
    }

    /** A new pending copy (of a snapshot, or of an image's snapshot by CopyImage), owned by {@code ownerId}. */
    static SnapshotRecord copy(String ownerId, int volumeSize, String description, boolean encrypted, String kmsKeyId,
                               Lifecycle lifecycle, Map<String, String> tags) {
        return new SnapshotRecord(io.cloudjar.core.util.Ids.ec2("snap"), ownerId, COPIED_VOLUME_ID, volumeSize, description,
                encrypted, kmsKeyId, lifecycle.start(), lifecycle, tags, Set.of());
    }

    String state(Instant now) {
        return lifecycle.isDone(now) ? "completed" : "pending";
    }

    String progress(Instant now) {
        return lifecycle.percent(now) + "%";
    }

    SnapshotRecord withTags(Map<String, String> newTags) {
        return new SnapshotRecord(snapshotId, ownerId, volumeId, volumeSize, description, encrypted, kmsKeyId,
                startTime, lifecycle, newTags, restorableBy);
    }
}
