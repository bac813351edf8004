package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.CreateDiskSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDiskSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.CreateInstanceSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateInstanceSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesFromSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesFromSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteDiskSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteDiskSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteInstanceSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteInstanceSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.DiskSnapshot;
import software.amazon.awssdk.services.lightsail.model.GetDiskSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.GetDiskSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.GetDiskSnapshotsRequest;
import software.amazon.awssdk.services.lightsail.model.GetDiskSnapshotsResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceSnapshotsRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceSnapshotsResponse;
import software.amazon.awssdk.services.lightsail.model.InstanceSnapshot;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Instance snapshots (the system disk and attached disks; new instances from them on a bundle at least as large) and
 * disk snapshots (of a disk, or of an instance's system disk). Snapshots are pending for a moment on the emulator
 * clock, then available/completed. Snapshots record metadata only: Lightsail instances here have no disk contents.
 */
public final class SnapshotsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateInstanceSnapshotResponse createInstanceSnapshot(CallContext ctx, CreateInstanceSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        var tags = LightsailTags.of(request.tags());
        synchronized (state.lock) {
            InstanceRecord instance = state.instances.get(request.instanceName());
            if (InstanceRecord.PENDING.equals(instance.state(scope.now()))) {
                throw LightsailErrors.operationFailure("The instance %s is pending: snapshot it once it is running.", instance.name());
            }
            if (state.nameTaken(request.instanceSnapshotName())) {
                throw LightsailErrors.namesInUse(List.of(request.instanceSnapshotName()));
            }
            Bundle bundle = BundleCatalog.find(instance.bundleId()).orElseThrow();
            Instant ready = scope.now().plus(store.timings().snapshot());
            InstanceSnapshotRecord snapshot = new InstanceSnapshotRecord(ResourceMeta.create(scope, ResourceType.INSTANCE_SNAPSHOT,
                    request.instanceSnapshotName(), "all", Ids.ec2("ami"), tags), instance.name(), instance.meta().arn(),
                    instance.blueprintId(), instance.bundleId(), bundle.diskSizeInGb(),
                    state.disks.list().stream().filter(d -> instance.name().equals(d.attachedTo())).map(d -> d.toSdk(scope.now())).toList(),
                    instance.ports(), ready);
            state.instanceSnapshots.put(snapshot);
            return CreateInstanceSnapshotResponse.builder().operations(
                    state.operations.record(scope, snapshot.meta(), OperationType.CREATE_INSTANCE_SNAPSHOT, instance.name(), ready),
                    state.operations.record(scope, instance.meta(), OperationType.CREATE_INSTANCE_SNAPSHOT, snapshot.name(), ready))
                    .build();
        }
    }

    public GetInstanceSnapshotResponse getInstanceSnapshot(CallContext ctx, GetInstanceSnapshotRequest request) {
        return GetInstanceSnapshotResponse.builder().instanceSnapshot(
                state(ctx).instanceSnapshots.get(request.instanceSnapshotName()).toSdk(ctx.receivedAt())).build();
    }

    public GetInstanceSnapshotsResponse getInstanceSnapshots(CallContext ctx, GetInstanceSnapshotsRequest request) {
        List<InstanceSnapshot> all = state(ctx).instanceSnapshots.list().stream().map(s -> s.toSdk(ctx.receivedAt())).toList();
        Pages<InstanceSnapshot> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetInstanceSnapshotsResponse.builder().instanceSnapshots(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteInstanceSnapshotResponse deleteInstanceSnapshot(CallContext ctx, DeleteInstanceSnapshotRequest request) {
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            InstanceSnapshotRecord snapshot = state.instanceSnapshots.get(request.instanceSnapshotName());
            state.instanceSnapshots.remove(snapshot.name());
            return DeleteInstanceSnapshotResponse.builder().operations(state.operations.record(LightsailScope.of(ctx),
                    snapshot.meta(), OperationType.DELETE_INSTANCE_SNAPSHOT, null)).build();
        }
    }

    public CreateInstancesFromSnapshotResponse createInstancesFromSnapshot(CallContext ctx, CreateInstancesFromSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        InstanceSnapshotRecord snapshot = request.instanceSnapshotName() != null
                ? state.instanceSnapshots.get(request.instanceSnapshotName())
                : fromAutoSnapshot(state, scope, request);
        if (!snapshot.available(scope.now())) {
            throw LightsailErrors.invalidInput("The instance snapshot %s is not available yet.", snapshot.name());
        }
        InstanceLaunch.Plan plan = InstanceLaunch.plan(state, scope, request.availabilityZone(), snapshot.fromBlueprintId(),
                request.bundleId(), request.keyPairName(), request.userData(), LightsailTags.of(request.tags()),
                request.addOns(), request.ipAddressTypeAsString());
        if (plan.bundle().diskSizeInGb() < snapshot.sizeInGb()) {
            throw LightsailErrors.invalidInput("The bundle %s (%d GB) is smaller than the snapshot %s (%d GB).",
                    plan.bundle().bundleId(), plan.bundle().diskSizeInGb(), snapshot.name(), snapshot.sizeInGb());
        }
        synchronized (state.lock) {
            InstanceLaunch.checkNames(state, request.instanceNames());
            List<Operation> ops = new ArrayList<>();
            for (InstanceRecord made : InstanceLaunch.launch(state, scope, request.instanceNames(), plan, store.timings().pending())) {
                // the source's firewall comes with its image
                InstanceRecord i = made.withPorts(snapshot.ports().stream()
                        .map(p -> new PortRule(p.fromPort(), p.toPort(), p.protocol(), made.ipv4() ? p.cidrs() : List.of(),
                                made.ipv6() ? p.ipv6Cidrs() : List.of(), p.cidrListAliases())).toList());
                state.instances.put(i);
                ops.add(state.operations.record(scope, i.meta(), OperationType.CREATE_INSTANCES_FROM_SNAPSHOT,
                        snapshot.name(), i.transitionEnds()));
            }
            return CreateInstancesFromSnapshotResponse.builder().operations(ops).build();
        }
    }

    /**
     * An automatic snapshot of {@code sourceInstanceName} (of {@code restoreDate}, or the latest) as an instance
     * snapshot: the source's blueprint, bundle and ports, as they are now.
     */
    private static InstanceSnapshotRecord fromAutoSnapshot(LightsailState state, LightsailScope scope,
                                                           CreateInstancesFromSnapshotRequest request) {
        if (request.sourceInstanceName() == null) {
            throw LightsailErrors.invalidInput("Specify instanceSnapshotName, or sourceInstanceName with restoreDate or"
                    + " useLatestRestorableAutoSnapshot.");
        }
        boolean latest = Boolean.TRUE.equals(request.useLatestRestorableAutoSnapshot());
        if (latest == (request.restoreDate() != null)) {
            throw LightsailErrors.invalidInput("Specify either restoreDate or useLatestRestorableAutoSnapshot.");
        }
        InstanceRecord source = state.instances.get(request.sourceInstanceName());
        AutoSnapshots schedule = state.autoSnapshots.get(source.meta().arn());
        List<Instant> taken = schedule == null ? List.of() : schedule.taken(scope.now());
        Instant at = latest ? (taken.isEmpty() ? null : taken.get(taken.size() - 1))
                : taken.stream().filter(t -> AutoSnapshots.date(t).equals(request.restoreDate())).findFirst().orElse(null);
        if (at == null) {
            throw LightsailErrors.notFound("The automatic snapshot of %s does not exist: %s", source.name(),
                    latest ? "latest" : request.restoreDate());
        }
        ResourceMeta meta = new ResourceMeta(source.name() + "-" + AutoSnapshots.date(at), source.meta().arn(),
                source.meta().supportCode(), at, "all", scope.region(), ResourceType.INSTANCE_SNAPSHOT, java.util.Map.of());
        return new InstanceSnapshotRecord(meta, source.name(), source.meta().arn(), source.blueprintId(), source.bundleId(),
                BundleCatalog.find(source.bundleId()).orElseThrow().diskSizeInGb(), List.of(), source.ports(), at);
    }

    public CreateDiskSnapshotResponse createDiskSnapshot(CallContext ctx, CreateDiskSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        var tags = LightsailTags.of(request.tags());
        synchronized (state.lock) {
            if (state.nameTaken(request.diskSnapshotName())) {
                throw LightsailErrors.namesInUse(List.of(request.diskSnapshotName()));
            }
            Instant ready = scope.now().plus(store.timings().snapshot());
            ResourceMeta meta;
            DiskSnapshotRecord snapshot;
            ResourceMeta source;
            if (request.diskName() != null) {
                DiskRecord disk = state.disks.get(request.diskName());
                meta = ResourceMeta.create(scope, ResourceType.DISK_SNAPSHOT, request.diskSnapshotName(),
                        disk.meta().availabilityZone(), Ids.ec2("snap"), tags);
                snapshot = new DiskSnapshotRecord(meta, disk.sizeInGb(), disk.name(), disk.meta().arn(), null, null, ready);
                source = disk.meta();
            } else if (request.instanceName() != null) {
                InstanceRecord instance = state.instances.get(request.instanceName());
                meta = ResourceMeta.create(scope, ResourceType.DISK_SNAPSHOT, request.diskSnapshotName(),
                        instance.meta().availabilityZone(), Ids.ec2("snap"), tags);
                snapshot = new DiskSnapshotRecord(meta, BundleCatalog.find(instance.bundleId()).orElseThrow().diskSizeInGb(),
                        null, null, instance.name(), instance.meta().arn(), ready);
                source = instance.meta();
            } else {
                throw LightsailErrors.invalidInput("Specify the disk (diskName) or the instance (instanceName) to snapshot.");
            }
            state.diskSnapshots.put(snapshot);
            return CreateDiskSnapshotResponse.builder().operations(
                    state.operations.record(scope, snapshot.meta(), OperationType.CREATE_DISK_SNAPSHOT, source.name(), ready),
                    state.operations.record(scope, source, OperationType.CREATE_DISK_SNAPSHOT, snapshot.name(), ready)).build();
        }
    }

    public GetDiskSnapshotResponse getDiskSnapshot(CallContext ctx, GetDiskSnapshotRequest request) {
        return GetDiskSnapshotResponse.builder().diskSnapshot(
                state(ctx).diskSnapshots.get(request.diskSnapshotName()).toSdk(ctx.receivedAt())).build();
    }

    public GetDiskSnapshotsResponse getDiskSnapshots(CallContext ctx, GetDiskSnapshotsRequest request) {
        List<DiskSnapshot> all = state(ctx).diskSnapshots.list().stream().map(s -> s.toSdk(ctx.receivedAt())).toList();
        Pages<DiskSnapshot> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetDiskSnapshotsResponse.builder().diskSnapshots(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteDiskSnapshotResponse deleteDiskSnapshot(CallContext ctx, DeleteDiskSnapshotRequest request) {
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DiskSnapshotRecord snapshot = state.diskSnapshots.get(request.diskSnapshotName());
            state.diskSnapshots.remove(snapshot.name());
            return DeleteDiskSnapshotResponse.builder().operations(state.operations.record(LightsailScope.of(ctx),
                    snapshot.meta(), OperationType.DELETE_DISK_SNAPSHOT, null)).build();
        }
    }
}
