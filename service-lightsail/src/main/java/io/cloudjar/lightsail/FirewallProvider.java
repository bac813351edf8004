package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CloseInstancePublicPortsRequest;
import software.amazon.awssdk.services.lightsail.model.CloseInstancePublicPortsResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstancePortStatesRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstancePortStatesResponse;
import software.amazon.awssdk.services.lightsail.model.OpenInstancePublicPortsRequest;
import software.amazon.awssdk.services.lightsail.model.OpenInstancePublicPortsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.PortInfo;
import software.amazon.awssdk.services.lightsail.model.PutInstancePublicPortsRequest;
import software.amazon.awssdk.services.lightsail.model.PutInstancePublicPortsResponse;

/**
 * An instance's firewall: Open adds (or replaces the sources of) one range, Put replaces them all, Close removes one
 * range; GetInstancePortStates lists what is open. A new instance opens its blueprint's ports (22 and 80 ...).
 */
public final class FirewallProvider extends LightsailProvider {
    public OpenInstancePublicPortsResponse openInstancePublicPorts(CallContext ctx, OpenInstancePublicPortsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            PortRule rule = PortRule.of(request.portInfo(), i.ipv4(), i.ipv6());
            state.instances.put(i.withPorts(withRule(i.ports(), rule)));
            return OpenInstancePublicPortsResponse.builder().operation(state.operations.record(scope, i.meta(),
                    OperationType.OPEN_INSTANCE_PUBLIC_PORTS, describe(rule))).build();
        }
    }

    public PutInstancePublicPortsResponse putInstancePublicPorts(CallContext ctx, PutInstancePublicPortsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            List<PortRule> ports = new ArrayList<>();
            for (PortInfo info : request.portInfos()) {
                ports = withRule(ports, PortRule.of(info, i.ipv4(), i.ipv6()));
            }
            state.instances.put(i.withPorts(ports));
            return PutInstancePublicPortsResponse.builder().operation(state.operations.record(scope, i.meta(),
                    OperationType.PUT_INSTANCE_PUBLIC_PORTS, i.name())).build();
        }
    }

    public CloseInstancePublicPortsResponse closeInstancePublicPorts(CallContext ctx, CloseInstancePublicPortsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord i = state.instances.get(request.instanceName());
            PortRule rule = PortRule.of(request.portInfo(), i.ipv4(), i.ipv6());
            state.instances.put(i.withPorts(i.ports().stream().filter(p -> !p.sameRange(rule)).toList()));
            return CloseInstancePublicPortsResponse.builder().operation(state.operations.record(scope, i.meta(),
                    OperationType.CLOSE_INSTANCE_PUBLIC_PORTS, describe(rule))).build();
        }
    }

    public GetInstancePortStatesResponse getInstancePortStates(CallContext ctx, GetInstancePortStatesRequest request) {
        InstanceRecord i = state(ctx).instances.get(request.instanceName());
        return GetInstancePortStatesResponse.builder().portStates(i.ports().stream().map(PortRule::toPortState).toList()).build();
    }

    /** The rules with {@code rule} added, or in place of the rule of its range (which keeps its position). */
    private static List<PortRule> withRule(List<PortRule> ports, PortRule rule) {
        List<PortRule> out = new ArrayList<>(ports);
        int at = java.util.stream.IntStream.range(0, out.size()).filter(n -> out.get(n).sameRange(rule)).findFirst().orElse(-1);
        if (at >= 0) {
            out.set(at, rule);
        } else {
            out.add(rule);
        }
        return out;
    }

    /** Lightsail's operation details for a port change: "{instance}/{protocol}/{from}-{to}"-like; here "from-to/protocol". */
    private static String describe(PortRule rule) {
        return rule.fromPort() + (rule.fromPort() == rule.toPort() ? "" : "-" + rule.toPort()) + "/" + rule.protocol();
    }
}
