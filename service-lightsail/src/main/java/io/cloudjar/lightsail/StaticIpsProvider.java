package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.AllocateStaticIpRequest;
import software.amazon.awssdk.services.lightsail.model.AllocateStaticIpResponse;
import software.amazon.awssdk.services.lightsail.model.AttachStaticIpRequest;
import software.amazon.awssdk.services.lightsail.model.AttachStaticIpResponse;
import software.amazon.awssdk.services.lightsail.model.DetachStaticIpRequest;
import software.amazon.awssdk.services.lightsail.model.DetachStaticIpResponse;
import software.amazon.awssdk.services.lightsail.model.GetStaticIpRequest;
import software.amazon.awssdk.services.lightsail.model.GetStaticIpResponse;
import software.amazon.awssdk.services.lightsail.model.GetStaticIpsRequest;
import software.amazon.awssdk.services.lightsail.model.GetStaticIpsResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ReleaseStaticIpRequest;
import software.amazon.awssdk.services.lightsail.model.ReleaseStaticIpResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.StaticIp;

/**
 * Static IPs: allocated in a region, attached to one instance (which then answers on it, across stop and start),
 * detached, released. Attaching to an instance that has one moves it; attaching one in use elsewhere is refused.
 * Attach and detach answer two operations, on the static IP and on the instance, as AWS does.
 */
public final class StaticIpsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public AllocateStaticIpResponse allocateStaticIp(CallContext ctx, AllocateStaticIpRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            if (state.nameTaken(request.staticIpName())) {
                throw LightsailErrors.namesInUse(List.of(request.staticIpName()));
            }
            String address = state.addresses.publicIpv4();
            StaticIpRecord ip = new StaticIpRecord(ResourceMeta.create(scope, ResourceType.STATIC_IP,
                    request.staticIpName(), "all", address, Map.of()), address, null);
            state.staticIps.put(ip);
            return AllocateStaticIpResponse.builder()
                    .operations(state.operations.record(scope, ip.meta(), OperationType.ALLOCATE_STATIC_IP, null)).build();
        }
    }

    public AttachStaticIpResponse attachStaticIp(CallContext ctx, AttachStaticIpRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            StaticIpRecord ip = state.staticIps.get(request.staticIpName());
            InstanceRecord instance = state.instances.get(request.instanceName());
            if (ip.attachedTo() != null && !ip.attachedTo().equals(instance.name())) {
                throw LightsailErrors.invalidInput("The static IP %s is already attached to instance %s.", ip.name(), ip.attachedTo());
            }
            if (!instance.ipv4()) {
                throw LightsailErrors.invalidInput("The instance %s is IPv6-only: a static IP (IPv4) cannot be attached.",
                        instance.name());
            }
            List<Operation> ops = new ArrayList<>();
            if (instance.staticIpName() != null && !instance.staticIpName().equals(ip.name())) {
                state.staticIps.find(instance.staticIpName()).ifPresent(old -> {
                    state.staticIps.put(old.attachedTo(null));
                    ops.add(state.operations.record(scope, old.meta(), OperationType.DETACH_STATIC_IP, instance.name()));
                });
            }
            state.staticIps.put(ip.attachedTo(instance.name()));
            if (instance.staticIpName() == null) {
                state.addresses.release(instance.publicIp()); // the static IP replaces the dynamic address
            }
            state.instances.put(instance.withStaticIp(ip.name()));
            ops.add(state.operations.record(scope, ip.meta(), OperationType.ATTACH_STATIC_IP, instance.name()));
            ops.add(state.operations.record(scope, instance.meta(), OperationType.ATTACH_STATIC_IP, ip.name()));
            return AttachStaticIpResponse.builder().operations(ops).build();
        }
    }

    public DetachStaticIpResponse detachStaticIp(CallContext ctx, DetachStaticIpRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            StaticIpRecord ip = state.staticIps.get(request.staticIpName());
            if (ip.attachedTo() == null) {
                throw LightsailErrors.invalidInput("The static IP %s is not attached to an instance.", ip.name());
            }
            List<Operation> ops = new ArrayList<>();
            ops.add(state.operations.record(scope, ip.meta(), OperationType.DETACH_STATIC_IP, ip.attachedTo()));
            state.instances.find(ip.attachedTo()).ifPresent(instance -> {
                // back on a dynamic address: a new one, as after a stop and start
                String address = instance.ipv4() ? state.addresses.publicIpv4() : null;
                state.instances.put(instance.withStaticIp(null).transition(instance.transitional(),
                        instance.transitionEnds(), instance.settled(), address));
                ops.add(state.operations.record(scope, instance.meta(), OperationType.DETACH_STATIC_IP, ip.name()));
            });
            state.staticIps.put(ip.attachedTo(null));
            return DetachStaticIpResponse.builder().operations(ops).build();
        }
    }

    public ReleaseStaticIpResponse releaseStaticIp(CallContext ctx, ReleaseStaticIpRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            StaticIpRecord ip = state.staticIps.get(request.staticIpName());
            if (ip.attachedTo() != null) {
                throw LightsailErrors.invalidInput("The static IP %s is attached to instance %s: detach it first.",
                        ip.name(), ip.attachedTo());
            }
            state.staticIps.remove(ip.name());
            state.addresses.release(ip.ipAddress());
            return ReleaseStaticIpResponse.builder()
                    .operations(state.operations.record(scope, ip.meta(), OperationType.RELEASE_STATIC_IP, null)).build();
        }
    }

    public GetStaticIpResponse getStaticIp(CallContext ctx, GetStaticIpRequest request) {
        return GetStaticIpResponse.builder().staticIp(state(ctx).staticIps.get(request.staticIpName()).toSdk()).build();
    }

    public GetStaticIpsResponse getStaticIps(CallContext ctx, GetStaticIpsRequest request) {
        List<StaticIp> all = state(ctx).staticIps.list().stream().map(StaticIpRecord::toSdk).toList();
        Pages<StaticIp> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetStaticIpsResponse.builder().staticIps(page.items()).nextPageToken(page.nextPageToken()).build();
    }
}
