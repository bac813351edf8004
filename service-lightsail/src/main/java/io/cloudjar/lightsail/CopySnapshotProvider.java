package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CopySnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CopySnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * CopySnapshot: an instance or disk snapshot of {@code sourceRegion} (or an automatic snapshot of a resource there)
 * copied into the region of the call under a new name, pending for a moment. The copy answers one operation, "CopySnapshot".
 */
public final class CopySnapshotProvider extends LightsailProvider {
    public CopySnapshotResponse copySnapshot(CallContext ctx, CopySnapshotRequest request) {
        LightsailScope scope = LightsailScope.of(ctx);
        LightsailState target = state(ctx);
        LightsailState source = store.get(ctx.accountId(), request.sourceRegionAsString());
        String name = request.targetSnapshotName();
        Instant ready = scope.now().plus(store.timings().snapshot());
        synchronized (target.lock) {
            if (target.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            ResourceMeta meta;
            if (request.sourceSnapshotName() != null) {
                var instanceSnapshot = source.instanceSnapshots.find(request.sourceSnapshotName());
                var diskSnapshot = source.diskSnapshots.find(request.sourceSnapshotName());
                if (instanceSnapshot.isPresent()) {
                    InstanceSnapshotRecord s = instanceSnapshot.get();
                    meta = ResourceMeta.create(scope, ResourceType.INSTANCE_SNAPSHOT, name, "all", Ids.ec2("ami"), Map.of());
                    target.instanceSnapshots.put(new InstanceSnapshotRecord(meta, s.fromInstanceName(), s.fromInstanceArn(),
                            s.fromBlueprintId(), s.fromBundleId(), s.sizeInGb(), s.fromAttachedDisks(), s.ports(), ready));
                } else if (diskSnapshot.isPresent()) {
                    DiskSnapshotRecord s = diskSnapshot.get();
                    meta = ResourceMeta.create(scope, ResourceType.DISK_SNAPSHOT, name, "all", Ids.ec2("snap"), Map.of());
                    target.diskSnapshots.put(new DiskSnapshotRecord(meta, s.sizeInGb(), s.fromDiskName(), s.fromDiskArn(),
                            s.fromInstanceName(), s.fromInstanceArn(), ready));
                } else {
                    throw LightsailErrors.notFound("The snapshot does not exist in %s: %s", request.sourceRegionAsString(),
                            request.sourceSnapshotName());
                }
            } else if (request.sourceResourceName() != null) {
                meta = copyAutoSnapshot(scope, source, target, request, name, ready);
            } else {
                throw LightsailErrors.invalidInput("Specify sourceSnapshotName, or sourceResourceName with restoreDate or"
                        + " useLatestRestorableAutoSnapshot.");
            }
            return CopySnapshotResponse.builder()
                    .operations(target.operations.record(scope, meta, "CopySnapshot", request.sourceRegionAsString(), ready))
                    .build();
        }
    }

    /** An automatic snapshot of an instance or disk becomes a named snapshot of its kind. */
    private static ResourceMeta copyAutoSnapshot(LightsailScope scope, LightsailState source, LightsailState target,
                                                 CopySnapshotRequest request, String name, Instant ready) {
        boolean latest = Boolean.TRUE.equals(request.useLatestRestorableAutoSnapshot());
        if (latest == (request.restoreDate() != null)) {
            throw LightsailErrors.invalidInput("Specify either restoreDate or useLatestRestorableAutoSnapshot.");
        }
        var instance = source.instances.find(request.sourceResourceName());
        var disk = source.disks.find(request.sourceResourceName());
        ResourceMeta from = instance.map(InstanceRecord::meta).or(() -> disk.map(DiskRecord::meta))
                .orElseThrow(() -> LightsailErrors.notFound("The resource does not exist: %s", request.sourceResourceName()));
        AutoSnapshots schedule = source.autoSnapshots.get(from.arn());
        List<Instant> taken = schedule == null ? List.of() : schedule.taken(scope.now());
        boolean exists = latest ? !taken.isEmpty() : taken.stream().anyMatch(t -> AutoSnapshots.date(t).equals(request.restoreDate()));
        if (!exists) {
            throw LightsailErrors.notFound("The automatic snapshot of %s does not exist: %s", from.name(),
                    latest ? "latest" : request.restoreDate());
        }
        if (instance.isPresent()) {
            InstanceRecord i = instance.get();
            ResourceMeta meta = ResourceMeta.create(scope, ResourceType.INSTANCE_SNAPSHOT, name, "all", Ids.ec2("ami"), Map.of());
            target.instanceSnapshots.put(new InstanceSnapshotRecord(meta, i.name(), i.meta().arn(), i.blueprintId(),
                    i.bundleId(), BundleCatalog.find(i.bundleId()).orElseThrow().diskSizeInGb(), List.of(), i.ports(), ready));
            return meta;
        }
        DiskRecord d = disk.orElseThrow();
        ResourceMeta meta = ResourceMeta.create(scope, ResourceType.DISK_SNAPSHOT, name, "all", Ids.ec2("snap"), Map.of());
        target.diskSnapshots.put(new DiskSnapshotRecord(meta, d.sizeInGb(), d.name(), d.meta().arn(), null, null, ready));
        return meta;
    }
}
