package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesRequest;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceStateRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceStateResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstancesRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstancesResponse;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RebootInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.RebootInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.StartInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.StartInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.StopInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.StopInstanceResponse;

/**
 * Instances: created pending and running once {@link LightsailTimings#pending} has passed on the emulator clock;
 * stop (stopping → stopped, the dynamic public IP given up), start (pending → running with a new public IP unless a
 * static IP is attached), reboot, delete (static IP and disks detached, kept).
 */
public final class InstancesProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateInstancesResponse createInstances(CallContext ctx, CreateInstancesRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        InstanceLaunch.Plan plan = InstanceLaunch.plan(state, scope, request.availabilityZone(), request.blueprintId(),
                request.bundleId(), request.keyPairName(), request.userData(), LightsailTags.of(request.tags()),
                request.addOns(), request.ipAddressTypeAsString());
        synchronized (state.lock) {
            InstanceLaunch.checkNames(state, request.instanceNames());
            List<Operation> ops = new ArrayList<>();
            for (InstanceRecord i : InstanceLaunch.launch(state, scope, request.instanceNames(), plan, store.timings().pending())) {
                ops.add(state.operations.record(scope, i.meta(), OperationType.CREATE_INSTANCE, null, i.transitionEnds()));
            }
            return CreateInstancesResponse.builder().operations(ops).build();
        }
    }

    public GetInstanceResponse getInstance(CallContext ctx, GetInstanceRequest request) {
        LightsailState state = state(ctx);
        return GetInstanceResponse.builder()
                .instance(InstanceViews.toSdk(state, state.instances.get(request.instanceName()), ctx.receivedAt())).build();
    }

    public GetInstancesResponse getInstances(CallContext ctx, GetInstancesRequest request) {
        LightsailState state = state(ctx);
        List<Instance> all = state.instances.list().stream().map(i -> InstanceViews.toSdk(state, i, ctx.receivedAt())).toList();
        Pages<Instance> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetInstancesResponse.builder().instances(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public GetInstanceStateResponse getInstanceState(CallContext ctx, GetInstanceStateRequest request) {
        return GetInstanceStateResponse.builder()
                .state(state(ctx).instances.get(request.instanceName()).sdkState(ctx.receivedAt())).build();
    }

    public StopInstanceResponse stopInstance(CallContext ctx, StopInstanceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            String now = i.state(scope.now());
            boolean force = Boolean.TRUE.equals(request.force());
            if (!InstanceRecord.RUNNING.equals(now) && !(force && !InstanceRecord.STOPPED.equals(now))) {
                throw notIn(i, now, "stop");
            }
            Instant ends = scope.now().plus(store.timings().stopping());
            // the dynamic address is given up: a later start gets a new one
            state.addresses.release(i.publicIp());
            if (InstanceRecord.RUNNING.equals(now)) {
                state.runs.ran(i.meta().arn(), i.transitionEnds() != null ? i.transitionEnds() : i.meta().createdAt(), scope.now());
            }
            InstanceRecord stopped = i.transition(InstanceRecord.STOPPING, ends, InstanceRecord.STOPPED, i.publicIp());
            state.instances.put(stopped);
            return StopInstanceResponse.builder()
                    .operations(state.operations.record(scope, i.meta(), OperationType.STOP_INSTANCE, null, ends)).build();
        }
    }

    public StartInstanceResponse startInstance(CallContext ctx, StartInstanceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            String now = i.state(scope.now());
            if (!InstanceRecord.STOPPED.equals(now)) {
                throw notIn(i, now, "start");
            }
            Instant ends = scope.now().plus(store.timings().pending());
            String address = i.ipv4() ? state.addresses.publicIpv4() : null;
            state.instances.put(i.transition(InstanceRecord.PENDING, ends, InstanceRecord.RUNNING, address));
            return StartInstanceResponse.builder()
                    .operations(state.operations.record(scope, i.meta(), OperationType.START_INSTANCE, null, ends)).build();
        }
    }

    public RebootInstanceResponse rebootInstance(CallContext ctx, RebootInstanceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        InstanceRecord i = state.instances.get(request.instanceName());
        String now = i.state(scope.now());
        if (!InstanceRecord.RUNNING.equals(now)) {
            throw notIn(i, now, "reboot");
        }
        return RebootInstanceResponse.builder().operations(state.operations.record(scope, i.meta(),
                OperationType.REBOOT_INSTANCE, null, scope.now().plus(store.timings().rebooting()))).build();
    }

    public DeleteInstanceResponse deleteInstance(CallContext ctx, DeleteInstanceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            List<Operation> ops = new ArrayList<>();
            ops.add(state.operations.record(scope, i.meta(), OperationType.DELETE_INSTANCE, null));
            if (i.staticIpName() != null) {
                state.staticIps.find(i.staticIpName()).ifPresent(ip -> {
                    state.staticIps.put(ip.attachedTo(null));
                    ops.add(state.operations.record(scope, ip.meta(), OperationType.DETACH_STATIC_IP, i.name()));
                });
            }
            state.disks.list().stream().filter(d -> i.name().equals(d.attachedTo())).forEach(d -> {
                state.disks.put(d.attached(null, null));
                ops.add(state.operations.record(scope, d.meta(), OperationType.DETACH_DISK, i.name()));
            });
            state.addresses.release(i.publicIp());
            state.addresses.release(i.privateIp());
            state.instances.remove(i.name());
            state.guiSessions.remove(i.meta().arn()); // its GUI session ends with it
            state.runs.forget(i.meta().arn());
            state.httpsSetups.remove(i.meta().arn());
            return DeleteInstanceResponse.builder().operations(ops).build();
        }
    }

    private static RuntimeException notIn(InstanceRecord i, String state, String action) {
        return LightsailErrors.invalidInput("Sorry, you can't %s an instance in the %s state: %s", action, state, i.name());
    }
}
