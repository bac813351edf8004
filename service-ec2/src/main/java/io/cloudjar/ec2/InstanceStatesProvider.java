package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * StartInstances, StopInstances, RebootInstances and TerminateInstances. Every named instance is checked
 * before any changes, so a refused call changes nothing. What AWS does on the way happens at the call:
 * stopping releases the Amazon public addresses (an Elastic IP stays), starting gives a new one to an instance
 * launched with one, terminating deletes the interfaces and volumes marked delete-on-termination and detaches
 * the others.
 */
public final class InstanceStatesProvider extends ComputeProvider {
    public StartInstancesResponse startInstances(CallContext ctx, StartInstancesRequest request) {
        List<InstanceStateChange> changes = change(ctx, request.instanceIds(), (instance, state) -> {
            if (!state.equals("stopped") && !state.equals("pending") && !state.equals("running")) {
                throw Ec2Errors.of("IncorrectInstanceState#transition", instance.instanceId(), "started");
            }
        }, (instance, state, now) -> {
            if (!state.equals("stopped")) {
                return instance;
            }
            if (instance.launch().autoPublicIp()) {
                store.networking().assignPublicIp(Scope.of(ctx), instance.launch().primaryInterfaceId());
            }
            return instance.withPhase(InstancePhase.booting(now, store.timings().instanceBoot()));
        });
        return StartInstancesResponse.builder().startingInstances(changes).build();
    }

    public StopInstancesResponse stopInstances(CallContext ctx, StopInstancesRequest request) {
        if (Boolean.TRUE.equals(request.hibernate())) {
            throw Ec2Errors.of("UnsupportedHibernationConfiguration", String.join(", ", request.instanceIds()));
        }
        List<InstanceStateChange> changes = change(ctx, request.instanceIds(), (instance, state) -> {
            if (!state.equals("running") && !state.equals("stopping") && !state.equals("stopped")) {
                throw Ec2Errors.of("IncorrectInstanceState#transition", instance.instanceId(), "stopped");
            }
            if (state.equals("running") && instance.settings().disableApiStop()) {
                throw Ec2Errors.of("OperationNotPermitted#stopProtected", instance.instanceId());
            }
        }, (instance, state, now) -> {
            if (!state.equals("running")) {
                return instance;
            }
            for (InterfaceInfo eni : store.networking().interfacesOf(Scope.of(ctx), instance.instanceId())) {
                store.networking().releasePublicIp(Scope.of(ctx), eni.networkInterfaceId());
            }
            return instance.withPhase(InstancePhase.stopping(now, store.timings().instanceStop()));
        });
        return StopInstancesResponse.builder().stoppingInstances(changes).build();
    }

    public RebootInstancesResponse rebootInstances(CallContext ctx, RebootInstancesRequest request) {
        change(ctx, request.instanceIds(), (instance, state) -> {
            if (!state.equals("running")) {
                throw Ec2Errors.of("IncorrectInstanceState#transition", instance.instanceId(), "rebooted");
            }
        }, (instance, state, now) -> instance);
        return RebootInstancesResponse.builder().build();
    }

    public TerminateInstancesResponse terminateInstances(CallContext ctx, TerminateInstancesRequest request) {
        List<InstanceStateChange> changes = change(ctx, request.instanceIds(), (instance, state) -> {
            boolean ending = state.equals("shutting-down") || state.equals("terminated");
            if (!ending && instance.settings().disableApiTermination()) {
                throw Ec2Errors.of("OperationNotPermitted#terminationProtected", instance.instanceId());
            }
        }, (instance, state, now) -> {
            if (state.equals("shutting-down") || state.equals("terminated")) {
                return instance;
            }
            releaseResources(Scope.of(ctx), instance, now);
            return instance.withPhase(InstancePhase.terminating(now, store.timings().instanceTerminate()));
        });
        return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
    }

    /** Interfaces and volumes marked delete-on-termination go; the others are detached and stay. */
    private void releaseResources(Scope scope, InstanceRecord instance, Instant now) {
        for (InterfaceInfo eni : store.networking().interfacesOf(scope, instance.instanceId())) {
            if (eni.attachment().deleteOnTermination()) {
                store.networking().deleteInterface(scope, eni.networkInterfaceId());
            } else {
                store.networking().detachInterface(scope, eni.networkInterfaceId());
            }
        }
        ComputeState state = store.get(scope.accountId(), scope.region());
        for (VolumeRecord volume : state.volumesAttachedTo(instance.instanceId())) {
            List<VolumeRecord.Attachment> live = volume.liveAttachments(now);
            var mine = live.stream().filter(a -> a.instanceId().equals(instance.instanceId())).findFirst();
            if (mine.isEmpty()) {
                continue;
            }
            if (mine.get().deleteOnTermination() && live.size() == 1) {
                state.removeVolume(volume.volumeId());
            } else {
                Lifecycle detaching = new Lifecycle(now, store.timings().detach());
                state.putVolume(volume.withAttachments(live.stream()
                        .map(a -> a == mine.get() ? a.detach(detaching) : a).toList()));
            }
        }
    }

    /** Refuses the call for an instance in a state (or with a protection flag) that does not allow it. */
    @FunctionalInterface
    private interface Check {
        void check(InstanceRecord instance, String state);
    }

    /** The instance after the call, with what the change does elsewhere (addresses, volumes) done. */
    @FunctionalInterface
    private interface Change {
        InstanceRecord apply(InstanceRecord instance, String state, Instant now);
    }

    /**
     * Under the state's lock: ids checked first (all unknown ones reported), then every instance against
     * {@code check}, and only then each {@code change} applied, so a refused call changes nothing.
     */
    private List<InstanceStateChange> change(CallContext ctx, List<String> ids, Check check, Change change) {
        if (ids.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "InstanceId");
        }
        ComputeState state = state(ctx);
        synchronized (state) {
            Instant now = store.now();
            List<InstanceRecord> instances = InstanceLookup.require(state, ids, now);
            instances.forEach(i -> check.check(i, i.phase().name(now)));
            List<InstanceStateChange> changes = new ArrayList<>();
            for (InstanceRecord instance : instances) {
                String before = instance.phase().name(now);
                InstanceRecord after = change.apply(instance, before, now);
                if (after != instance) {
                    state.putInstance(after);
                }
                changes.add(InstanceStateChange.builder().instanceId(instance.instanceId())
                        .previousState(state(before)).currentState(state(after.phase().name(now))).build());
            }
            return changes;
        }
    }

    private static InstanceState state(String name) {
        return InstanceState.builder().code(InstancePhase.code(name)).name(name).build();
    }
}
