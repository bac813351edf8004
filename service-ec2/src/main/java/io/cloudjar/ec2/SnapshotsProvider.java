package io.cloudjar.ec2;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CopySnapshotRequest;
import software.amazon.awssdk.services.ec2.model.CopySnapshotResponse;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * CreateSnapshot ({@code pending → completed} on the emulator clock), CopySnapshot (within and across
 * regions), DescribeSnapshots (owners, restorable-by, filters, paging) and DeleteSnapshot.
 */
public final class SnapshotsProvider extends ComputeProvider {
    public CreateSnapshotResponse createSnapshot(CallContext ctx, CreateSnapshotRequest request) {
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "snapshot");
        ComputeState state = state(ctx);
        VolumeRecord volume = state.requireVolume(request.volumeId());
        Instant now = ctx.receivedAt();
        SnapshotRecord snapshot = new SnapshotRecord(Ids.ec2("snap"), ctx.accountId(), volume.volumeId(), volume.size(),
                request.description() == null ? "" : request.description(), volume.encrypted(), volume.kmsKeyId(), now,
                new Lifecycle(now, store.timings().snapshot()), tags, Set.of());
        state.putSnapshot(snapshot);
        Snapshot view = SnapshotViews.snapshot(snapshot, now);
        return CreateSnapshotResponse.builder()
                .snapshotId(view.snapshotId())
                .ownerId(view.ownerId())
                .volumeId(view.volumeId())
                .volumeSize(view.volumeSize())
                .description(view.description())
                .encrypted(view.encrypted())
                .kmsKeyId(view.kmsKeyId())
                .startTime(view.startTime())
                .state("pending")
                .progress("")
                .storageTier("standard")
                .tags(view.tags())
                .build();
    }

    /** Copies are made in the caller's region from a completed snapshot in {@code SourceRegion}. */
    public CopySnapshotResponse copySnapshot(CallContext ctx, CopySnapshotRequest request) {
        if (RegionCatalog.get(request.sourceRegion()) == null) {
            throw Ec2Errors.of("InvalidParameterValue#region", request.sourceRegion());
        }
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "snapshot");
        Encryption.checkKmsDependency(request.kmsKeyId(), request.encrypted());
        SnapshotRecord source = store.get(ctx.accountId(), request.sourceRegion()).requireSnapshot(request.sourceSnapshotId());
        if (!source.state(store.now()).equals("completed")) {
            throw Ec2Errors.of("IncorrectState#snapshot", source.snapshotId());
        }
        boolean encrypted = source.encrypted() || Boolean.TRUE.equals(request.encrypted());
        // A snapshot's key is regional: a copy to another region uses that region's key unless one is named.
        String inheritedKey = request.sourceRegion().equals(ctx.region()) ? source.kmsKeyId() : null;
        String description = request.description() != null ? request.description()
                : "[Copied " + source.snapshotId() + " from " + request.sourceRegion() + "]";
        SnapshotRecord copy = SnapshotRecord.copy(ctx.accountId(), source.volumeSize(), description, encrypted,
                Encryption.keyFor(encrypted, request.kmsKeyId(), inheritedKey, ctx.accountId(), ctx.region()),
                new Lifecycle(ctx.receivedAt(), store.timings().snapshot()), tags);
        state(ctx).putSnapshot(copy);
        return CopySnapshotResponse.builder().snapshotId(copy.snapshotId()).tags(tags.isEmpty() ? null : Tags.toSdk(tags)).build();
    }

    public DescribeSnapshotsResponse describeSnapshots(CallContext ctx, DescribeSnapshotsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        SnapshotViews.FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, Integer.MAX_VALUE);
        DescribePaging.rejectIdsWithMaxResults(request.snapshotIds(), request.maxResults(), "SnapshotIds");
        ResourceIds.checkAll(request.snapshotIds(), "snap", id -> Ec2Errors.of("InvalidSnapshotID.Malformed", id));
        ComputeState state = state(ctx);
        Instant now = store.now();
        List<SnapshotRecord> candidates = request.snapshotIds().isEmpty() ? List.copyOf(state.snapshots())
                : request.snapshotIds().stream().distinct().map(state::requireSnapshot).toList();
        List<Snapshot> matching = candidates.stream()
                .filter(s -> owners(ctx, request.ownerIds(), s))
                .filter(s -> restorableBy(ctx, request.restorableByUserIds(), s))
                .map(s -> SnapshotViews.snapshot(s, now))
                .filter(s -> SnapshotViews.FILTERS.matches(s, filters))
                .toList();
        Integer limit = request.maxResults() == null ? null : Math.min(request.maxResults(), 1000);
        Pages.Page<Snapshot> page = DescribePaging.page(matching, Snapshot::snapshotId, limit, request.nextToken());
        return DescribeSnapshotsResponse.builder().snapshots(page.items()).nextToken(page.nextToken()).build();
    }

    /**
     * Snapshots in use by one of the caller's images cannot go, as on AWS; the check runs over the region's
     * images so that phase 2's CreateImage is covered without changes here.
     */
    public DeleteSnapshotResponse deleteSnapshot(CallContext ctx, DeleteSnapshotRequest request) {
        ComputeState state = state(ctx);
        synchronized (state) {
            SnapshotRecord snapshot = state.requireSnapshot(request.snapshotId());
            store.images(ctx.region()).owned().stream()
                    .filter(i -> i.devices().stream().anyMatch(d -> snapshot.snapshotId().equals(d.snapshotId())))
                    .findFirst()
                    .ifPresent(i -> {
                        throw Ec2Errors.of("InvalidSnapshot.InUse", snapshot.snapshotId(), i.imageId());
                    });
            state.removeSnapshot(snapshot.snapshotId());
        }
        return DeleteSnapshotResponse.builder().build();
    }

    /** {@code self}, {@code amazon} or account ids; only the caller's own snapshots exist to match. */
    private static boolean owners(CallContext ctx, List<String> owners, SnapshotRecord s) {
        return owners.isEmpty() || owners.stream().anyMatch(o -> o.equals("self") ? s.ownerId().equals(ctx.accountId())
                : o.equals(s.ownerId()));
    }

    private static boolean restorableBy(CallContext ctx, List<String> users, SnapshotRecord s) {
        return users.isEmpty() || users.stream().anyMatch(u -> (u.equals("self") || u.equals(ctx.accountId()))
                ? s.ownerId().equals(ctx.accountId()) : s.restorableBy().contains(u) || s.restorableBy().contains("all"));
    }
}
