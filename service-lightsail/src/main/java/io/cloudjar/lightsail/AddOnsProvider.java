package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AddOn;
import software.amazon.awssdk.services.lightsail.model.AddOnType;
import software.amazon.awssdk.services.lightsail.model.AttachedDisk;
import software.amazon.awssdk.services.lightsail.model.AutoSnapshotDetails;
import software.amazon.awssdk.services.lightsail.model.AutoSnapshotStatus;
import software.amazon.awssdk.services.lightsail.model.DeleteAutoSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteAutoSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.DisableAddOnRequest;
import software.amazon.awssdk.services.lightsail.model.DisableAddOnResponse;
import software.amazon.awssdk.services.lightsail.model.EnableAddOnRequest;
import software.amazon.awssdk.services.lightsail.model.EnableAddOnResponse;
import software.amazon.awssdk.services.lightsail.model.GetAutoSnapshotsRequest;
import software.amazon.awssdk.services.lightsail.model.GetAutoSnapshotsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * Add-ons of instances and disks (automatic snapshots, stop on idle): enabled at creation or with EnableAddOn,
 * disabled with DisableAddOn; the automatic snapshots an add-on has taken ({@link AutoSnapshots}), listed and deleted.
 */
public final class AddOnsProvider extends LightsailProvider {
    public EnableAddOnResponse enableAddOn(CallContext ctx, EnableAddOnRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        List<AddOn> added = InstanceLaunch.addOns(List.of(request.addOnRequest()), scope);
        synchronized (state.lock) {
            ResourceMeta meta = replaceAddOns(state, request.resourceName(), request.addOnRequest().addOnType(), added);
            schedule(state, meta, added, scope.now());
            return EnableAddOnResponse.builder().operations(state.operations.record(scope, meta, OperationType.ENABLE_ADD_ON,
                    request.addOnRequest().addOnTypeAsString())).build();
        }
    }

    public DisableAddOnResponse disableAddOn(CallContext ctx, DisableAddOnRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ResourceMeta meta = replaceAddOns(state, request.resourceName(), request.addOnType(), List.of());
            if (request.addOnType() == AddOnType.AUTO_SNAPSHOT) {
                state.autoSnapshots.remove(meta.arn());
            }
            return DisableAddOnResponse.builder().operations(state.operations.record(scope, meta, OperationType.DISABLE_ADD_ON,
                    request.addOnTypeAsString())).build();
        }
    }

    public GetAutoSnapshotsResponse getAutoSnapshots(CallContext ctx, GetAutoSnapshotsRequest request) {
        LightsailState state = state(ctx);
        ResourceMeta meta = resource(state, request.resourceName());
        AutoSnapshots schedule = state.autoSnapshots.get(meta.arn());
        List<AutoSnapshotDetails> details = new ArrayList<>();
        if (schedule != null) {
            List<AttachedDisk> disks = state.instances.find(meta.name()).filter(i -> i.meta().arn().equals(meta.arn()))
                    .map(i -> state.disks.list().stream().filter(d -> i.name().equals(d.attachedTo()))
                            .map(d -> AttachedDisk.builder().path(d.path()).sizeInGb(d.sizeInGb()).build()).toList())
                    .orElse(List.of());
            for (Instant taken : schedule.taken(ctx.receivedAt())) {
                details.add(AutoSnapshotDetails.builder().date(AutoSnapshots.date(taken)).createdAt(taken)
                        .status(AutoSnapshotStatus.SUCCESS).fromAttachedDisks(disks).build());
            }
        }
        return GetAutoSnapshotsResponse.builder().resourceName(meta.name()).resourceType(meta.type())
                .autoSnapshots(details).build();
    }

    public DeleteAutoSnapshotResponse deleteAutoSnapshot(CallContext ctx, DeleteAutoSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ResourceMeta meta = resource(state, request.resourceName());
            AutoSnapshots schedule = state.autoSnapshots.get(meta.arn());
            boolean exists = schedule != null && schedule.taken(scope.now()).stream()
                    .anyMatch(t -> AutoSnapshots.date(t).equals(request.date()));
            if (!exists) {
                throw LightsailErrors.notFound("The automatic snapshot of %s does not exist: %s", meta.name(), request.date());
            }
            state.autoSnapshots.put(meta.arn(), schedule.without(request.date()));
            return DeleteAutoSnapshotResponse.builder().operations(state.operations.record(scope, meta,
                    "DeleteAutoSnapshot", request.date())).build();
        }
    }

    /** Starts the automatic snapshots of a resource created or changed with that add-on. */
    static void schedule(LightsailState state, ResourceMeta meta, List<AddOn> addOns, Instant now) {
        addOns.stream().filter(a -> a.name().equals("AutoSnapshot")).findFirst().ifPresent(a ->
                state.autoSnapshots.put(meta.arn(), new AutoSnapshots(a.snapshotTimeOfDay(), now, java.util.Set.of())));
    }

    /** The instance or disk of that name (instances first), for the add-on calls. */
    private static ResourceMeta resource(LightsailState state, String name) {
        return state.instances.find(name).map(InstanceRecord::meta)
                .or(() -> state.disks.find(name).map(DiskRecord::meta))
                .orElseThrow(() -> LightsailErrors.notFound("The resource does not exist: %s", name));
    }

    /** Replaces the add-on of {@code type} on the instance or disk with {@code added} (none: disabled). */
    private static ResourceMeta replaceAddOns(LightsailState state, String name, AddOnType type, List<AddOn> added) {
        String addOnName = type == AddOnType.AUTO_SNAPSHOT ? "AutoSnapshot" : "StopInstanceOnIdle";
        var instance = state.instances.find(name);
        if (instance.isPresent()) {
            state.instances.put(instance.get().withAddOns(merge(instance.get().addOns(), addOnName, added)));
            return instance.get().meta();
        }
        DiskRecord disk = state.disks.find(name).orElseThrow(() -> LightsailErrors.notFound("The resource does not exist: %s", name));
        if (type != AddOnType.AUTO_SNAPSHOT) {
            throw LightsailErrors.invalidInput("Disks take only the AutoSnapshot add-on.");
        }
        state.disks.put(disk.withAddOns(merge(disk.addOns(), addOnName, added)));
        return disk.meta();
    }

    private static List<AddOn> merge(List<AddOn> current, String name, List<AddOn> added) {
        List<AddOn> out = new ArrayList<>(current.stream().filter(a -> !a.name().equals(name)).toList());
        out.addAll(added);
        return out;
    }
}
