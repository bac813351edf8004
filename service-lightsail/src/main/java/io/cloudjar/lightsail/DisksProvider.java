package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.AttachDiskRequest;
import software.amazon.awssdk.services.lightsail.model.AttachDiskResponse;
import software.amazon.awssdk.services.lightsail.model.CreateDiskFromSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDiskFromSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.CreateDiskRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDiskResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteDiskRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteDiskResponse;
import software.amazon.awssdk.services.lightsail.model.DetachDiskRequest;
import software.amazon.awssdk.services.lightsail.model.DetachDiskResponse;
import software.amazon.awssdk.services.lightsail.model.Disk;
import software.amazon.awssdk.services.lightsail.model.GetDiskRequest;
import software.amazon.awssdk.services.lightsail.model.GetDiskResponse;
import software.amazon.awssdk.services.lightsail.model.GetDisksRequest;
import software.amazon.awssdk.services.lightsail.model.GetDisksResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Block storage disks of one zone: created (empty or from a disk snapshot, pending for a moment), attached to a running
 * or stopped instance of the same zone at a device path, detached from a stopped instance, deleted when detached.
 */
public final class DisksProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    private static final int MIN_GB = 8;
    private static final int MAX_GB = 16384;

    public CreateDiskResponse createDisk(CallContext ctx, CreateDiskRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        return CreateDiskResponse.builder().operations(create(state, scope, request.diskName(), request.availabilityZone(),
                request.sizeInGb(), LightsailTags.of(request.tags()), InstanceLaunch.addOns(request.addOns(), scope),
                OperationType.CREATE_DISK, null)).build();
    }

    public CreateDiskFromSnapshotResponse createDiskFromSnapshot(CallContext ctx, CreateDiskFromSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.diskSnapshotName() == null) {
            throw LightsailErrors.invalidInput("A disk snapshot name is required (automatic snapshots are not kept).");
        }
        DiskSnapshotRecord snapshot = state.diskSnapshots.get(request.diskSnapshotName());
        if (!snapshot.completed(scope.now())) {
            throw LightsailErrors.invalidInput("The disk snapshot %s is not completed yet.", snapshot.name());
        }
        if (request.sizeInGb() < snapshot.sizeInGb()) {
            throw LightsailErrors.invalidInput("The disk size (%d GB) must be at least the snapshot's (%d GB).",
                    request.sizeInGb(), snapshot.sizeInGb());
        }
        return CreateDiskFromSnapshotResponse.builder().operations(create(state, scope, request.diskName(),
                request.availabilityZone(), request.sizeInGb(), LightsailTags.of(request.tags()),
                InstanceLaunch.addOns(request.addOns(), scope), OperationType.CREATE_DISK_FROM_SNAPSHOT, snapshot.name())).build();
    }

    private List<Operation> create(LightsailState state, LightsailScope scope, String name, String zone, int sizeInGb,
                                   Map<String, String> tags, List<software.amazon.awssdk.services.lightsail.model.AddOn> addOns,
                                   OperationType type, String details) {
        InstanceLaunch.checkZone(scope, zone);
        if (sizeInGb < MIN_GB || sizeInGb > MAX_GB) {
            throw LightsailErrors.invalidInput("The disk size must be between %d and %d GB: %d", MIN_GB, MAX_GB, sizeInGb);
        }
        synchronized (state.lock) {
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            Instant ready = scope.now().plus(store.timings().disk());
            DiskRecord disk = new DiskRecord(ResourceMeta.create(scope, ResourceType.DISK, name, zone, Ids.ec2("vol"), tags),
                    sizeInGb, addOns, ready, null, null);
            state.disks.put(disk);
            AddOnsProvider.schedule(state, disk.meta(), addOns, scope.now());
            return List.of(state.operations.record(scope, disk.meta(), type, details, ready));
        }
    }

    public AttachDiskResponse attachDisk(CallContext ctx, AttachDiskRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            DiskRecord disk = state.disks.get(request.diskName());
            InstanceRecord instance = state.instances.get(request.instanceName());
            if (disk.attachedTo() != null) {
                throw LightsailErrors.operationFailure("The disk %s is already attached to %s.", disk.name(), disk.attachedTo());
            }
            if (!"available".equals(disk.state(scope.now()))) {
                throw LightsailErrors.operationFailure("The disk %s is not available yet.", disk.name());
            }
            if (!disk.meta().availabilityZone().equals(instance.meta().availabilityZone())) {
                throw LightsailErrors.invalidInput("The disk %s (%s) and the instance %s (%s) are in different availability zones.",
                        disk.name(), disk.meta().availabilityZone(), instance.name(), instance.meta().availabilityZone());
            }
            String path = request.diskPath();
            if (!path.matches("/dev/(xv|s)d[f-p]")) {
                throw LightsailErrors.invalidInput("The disk path is not valid: %s (use /dev/xvdf to /dev/xvdp)", path);
            }
            if (state.disks.list().stream().anyMatch(d -> instance.name().equals(d.attachedTo()) && path.equals(d.path()))) {
                throw LightsailErrors.invalidInput("The disk path %s is already in use on instance %s.", path, instance.name());
            }
            state.disks.put(disk.attached(instance.name(), path));
            return AttachDiskResponse.builder().operations(
                    state.operations.record(scope, disk.meta(), OperationType.ATTACH_DISK, instance.name()),
                    state.operations.record(scope, instance.meta(), OperationType.ATTACH_DISK, disk.name())).build();
        }
    }

    public DetachDiskResponse detachDisk(CallContext ctx, DetachDiskRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            DiskRecord disk = state.disks.get(request.diskName());
            if (disk.attachedTo() == null) {
                throw LightsailErrors.operationFailure("The disk %s is not attached to an instance.", disk.name());
            }
            var instance = state.instances.find(disk.attachedTo());
            if (instance.isPresent() && !InstanceRecord.STOPPED.equals(instance.get().state(scope.now()))) {
                throw LightsailErrors.operationFailure("Stop the instance %s before detaching the disk %s.",
                        instance.get().name(), disk.name());
            }
            List<Operation> ops = new ArrayList<>();
            ops.add(state.operations.record(scope, disk.meta(), OperationType.DETACH_DISK, disk.attachedTo()));
            instance.ifPresent(i -> ops.add(state.operations.record(scope, i.meta(), OperationType.DETACH_DISK, disk.name())));
            state.disks.put(disk.attached(null, null));
            return DetachDiskResponse.builder().operations(ops).build();
        }
    }

    public DeleteDiskResponse deleteDisk(CallContext ctx, DeleteDiskRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            DiskRecord disk = state.disks.get(request.diskName());
            if (disk.attachedTo() != null) {
                throw LightsailErrors.operationFailure("The disk %s is attached to %s: detach it first.", disk.name(), disk.attachedTo());
            }
            state.disks.remove(disk.name());
            return DeleteDiskResponse.builder()
                    .operations(state.operations.record(scope, disk.meta(), OperationType.DELETE_DISK, null)).build();
        }
    }

    public GetDiskResponse getDisk(CallContext ctx, GetDiskRequest request) {
        return GetDiskResponse.builder().disk(state(ctx).disks.get(request.diskName()).toSdk(ctx.receivedAt())).build();
    }

    public GetDisksResponse getDisks(CallContext ctx, GetDisksRequest request) {
        List<Disk> all = state(ctx).disks.list().stream().map(d -> d.toSdk(ctx.receivedAt())).toList();
        Pages<Disk> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetDisksResponse.builder().disks(page.items()).nextPageToken(page.nextPageToken()).build();
    }
}
