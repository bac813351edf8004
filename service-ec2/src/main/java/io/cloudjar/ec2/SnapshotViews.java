package io.cloudjar.ec2;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/** Renders stored snapshots as the SDK's {@code Snapshot}, and the filters DescribeSnapshots accepts. */
final class SnapshotViews {
    static final Filters<Snapshot> FILTERS = new Filters<Snapshot>()
            .onValue("description", Snapshot::description)
            .onValue("encrypted", Snapshot::encrypted)
            .onValue("kms-key-id", Snapshot::kmsKeyId)
            .onValue("owner-alias", Snapshot::ownerAlias)
            .onValue("owner-id", Snapshot::ownerId)
            .onValue("progress", Snapshot::progress)
            .onValue("snapshot-id", Snapshot::snapshotId)
            .onValue("start-time", Snapshot::startTime)
            .onValue("status", Snapshot::stateAsString)
            .onValue("storage-tier", Snapshot::storageTierAsString)
            .onValue("volume-id", Snapshot::volumeId)
            .onValue("volume-size", Snapshot::volumeSize)
            .withTags(s -> SdkTags.map(s.tags()));

    private SnapshotViews() {
    }

    static Snapshot snapshot(SnapshotRecord s, Instant now) {
        boolean done = s.lifecycle().isDone(now);
        return Snapshot.builder()
                .snapshotId(s.snapshotId())
                .ownerId(s.ownerId())
                .volumeId(s.volumeId())
                .volumeSize(s.volumeSize())
                .description(s.description())
                .encrypted(s.encrypted())
                .kmsKeyId(s.kmsKeyId())
                .startTime(s.startTime())
                .state(s.state(now))
                .progress(s.progress(now))
                .completionTime(done ? s.lifecycle().end() : null)
                .storageTier("standard")
                .tags(s.tags().isEmpty() ? null : Tags.toSdk(s.tags()))
                .build();
    }
}
