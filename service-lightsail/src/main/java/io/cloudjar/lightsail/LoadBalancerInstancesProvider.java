package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lightsail.model.AttachInstancesToLoadBalancerRequest;
import software.amazon.awssdk.services.lightsail.model.AttachInstancesToLoadBalancerResponse;
import software.amazon.awssdk.services.lightsail.model.DetachInstancesFromLoadBalancerRequest;
import software.amazon.awssdk.services.lightsail.model.DetachInstancesFromLoadBalancerResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * Attaching instances of the region to a load balancer (each then passes its first health checks on the emulator
 * clock) and detaching them. Every instance named must exist; one operation per instance and one for the balancer.
 */
public final class LoadBalancerInstancesProvider extends LightsailProvider {

    public AttachInstancesToLoadBalancerResponse attachInstancesToLoadBalancer(CallContext ctx,
            AttachInstancesToLoadBalancerRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Set<String> names = names(request.instanceNames());
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            List<InstanceRecord> instances = names.stream().map(state.instances::get).toList();
            List<LoadBalancerRecord.Attached> attached = new ArrayList<>(lb.instances());
            List<Operation> operations = new ArrayList<>();
            for (InstanceRecord instance : instances) {
                if (lb.isAttached(instance.name())) {
                    throw LightsailErrors.invalidInput("The instance %s is already attached to the load balancer %s.",
                            instance.name(), lb.name());
                }
                attached.add(new LoadBalancerRecord.Attached(instance.name(), scope.now()));
                operations.add(state.operations.record(scope, instance.meta(), OperationType.ATTACH_INSTANCES_TO_LOAD_BALANCER,
                        lb.name()));
            }
            state.loadBalancers.put(lb.withInstances(attached));
            operations.add(state.operations.record(scope, lb.meta(), OperationType.ATTACH_INSTANCES_TO_LOAD_BALANCER,
                    String.join(", ", names)));
            return AttachInstancesToLoadBalancerResponse.builder().operations(operations).build();
        }
    }

    public DetachInstancesFromLoadBalancerResponse detachInstancesFromLoadBalancer(CallContext ctx,
            DetachInstancesFromLoadBalancerRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Set<String> names = names(request.instanceNames());
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            List<Operation> operations = new ArrayList<>();
            for (String name : names) {
                if (!lb.isAttached(name)) {
                    throw LightsailErrors.invalidInput("The instance %s is not attached to the load balancer %s.", name, lb.name());
                }
                state.instances.find(name).ifPresent(i -> operations.add(state.operations.record(scope, i.meta(),
                        OperationType.DETACH_INSTANCES_FROM_LOAD_BALANCER, lb.name())));
            }
            state.loadBalancers.put(lb.withInstances(lb.instances().stream()
                    .filter(a -> !names.contains(a.instanceName())).toList()));
            operations.add(state.operations.record(scope, lb.meta(), OperationType.DETACH_INSTANCES_FROM_LOAD_BALANCER,
                    String.join(", ", names)));
            return DetachInstancesFromLoadBalancerResponse.builder().operations(operations).build();
        }
    }

    private static Set<String> names(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw LightsailErrors.invalidInput("At least one instance name is required.");
        }
        return new LinkedHashSet<>(requested);
    }
}
