package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.IpAddressType;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.SetIpAddressTypeRequest;
import software.amazon.awssdk.services.lightsail.model.SetIpAddressTypeResponse;

/**
 * SetIpAddressType: an instance or load balancer becomes dual-stack or IPv4-only, and an instance also IPv6-only.
 * An instance's bundle changes to or from its IPv6-only twin ({@code nano_3_0} ↔ {@code nano_ipv6_3_0}), which the
 * caller must accept with {@code acceptBundleUpdate}; it gives up or gets its public IPv4 (an attached static IP must
 * be detached first) and its IPv6 address, and its firewall rules keep only the sources of the families it has left
 * (a rule open to all IPv4 gains ::/0 when IPv6 is added). A distribution is dual-stack or IPv4-only.
 */
public final class IpAddressTypeProvider extends LightsailProvider {

    public SetIpAddressTypeResponse setIpAddressType(CallContext ctx, SetIpAddressTypeRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        IpAddressType type = request.ipAddressType();
        if (type == null || type == IpAddressType.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The IP address type %s is not valid: dualstack, ipv4 or ipv6.",
                    request.ipAddressTypeAsString());
        }
        String resourceType = String.valueOf(request.resourceTypeAsString());
        synchronized (state.lock) {
            ResourceMeta meta = switch (resourceType) {
                case "Instance" -> setOnInstance(state, request, type.toString(), scope);
                case "LoadBalancer" -> setOnLoadBalancer(state, request, type);
                case "Distribution" -> setOnDistribution(state, request, type, scope);
                default -> throw LightsailErrors.invalidInput(
                        "The resource type %s is not valid: use Distribution, Instance or LoadBalancer.", resourceType);
            };
            return SetIpAddressTypeResponse.builder().operations(state.operations.record(scope, meta,
                    OperationType.SET_IP_ADDRESS_TYPE, type.toString())).build();
        }
    }

    private static ResourceMeta setOnInstance(LightsailState state, SetIpAddressTypeRequest request, String type,
                                              LightsailScope scope) {
        InstanceRecord instance = state.instances.get(request.resourceName());
        if (type.equals(instance.ipAddressType())) {
            return instance.meta();
        }
        String bundleId = instance.bundleId();
        boolean toIpv6Only = type.equals("ipv6");
        if (toIpv6Only || instance.ipAddressType().equals("ipv6")) {
            bundleId = toIpv6Only ? bundleId.replaceFirst("_(\\d+_\\d+)$", "_ipv6_$1") : bundleId.replace("_ipv6_", "_");
            if (BundleCatalog.find(bundleId).filter(Bundle::isActive).isEmpty()) {
                throw LightsailErrors.invalidInput("The bundle %s of instance %s has no %s counterpart.", instance.bundleId(),
                        instance.name(), toIpv6Only ? "IPv6-only" : "IPv4");
            }
            if (!Boolean.TRUE.equals(request.acceptBundleUpdate())) {
                throw LightsailErrors.invalidInput("Changing the IP address type of instance %s to %s changes its bundle to %s: "
                        + "set acceptBundleUpdate to accept it.", instance.name(), type, bundleId);
            }
            if (toIpv6Only && instance.staticIpName() != null) {
                throw LightsailErrors.operationFailure("The instance %s has the static IP %s attached: detach it before making "
                        + "the instance IPv6-only.", instance.name(), instance.staticIpName());
            }
        }
        boolean ipv4 = !toIpv6Only;
        boolean ipv6 = !type.equals("ipv4");
        String publicIp = instance.publicIp();
        // a stopped instance, or one behind a static IP, has already given its dynamic address back
        boolean hasAddress = !InstanceRecord.STOPPED.equals(instance.state(scope.now())) && instance.staticIpName() == null;
        if (!ipv4) {
            if (hasAddress) {
                state.addresses.release(publicIp);
            }
            publicIp = null;
        } else if (publicIp == null && hasAddress) {
            publicIp = state.addresses.publicIpv4();
        }
        List<String> ipv6Addresses = instance.ipv6Addresses();
        if (!ipv6) {
            ipv6Addresses.forEach(state.addresses::release);
            ipv6Addresses = List.of();
        } else if (ipv6Addresses.isEmpty()) {
            ipv6Addresses = List.of(state.addresses.ipv6());
        }
        List<PortRule> ports = instance.ports().stream().map(p -> p.forFamilies(ipv4, ipv6)).toList();
        InstanceRecord changed = instance.withAddressing(type, bundleId, publicIp, ipv6Addresses, ports);
        state.instances.put(changed);
        return changed.meta();
    }

    /** Distributions live in us-east-1: elsewhere the name is not found. A change redeploys the distribution. */
    private ResourceMeta setOnDistribution(LightsailState state, SetIpAddressTypeRequest request, IpAddressType type,
                                           LightsailScope scope) {
        DistributionRecord distribution = state.distributions.get(request.resourceName());
        String checked = Distributions.ipAddressType(type, type.toString());
        state.distributions.put(distribution.withIpAddressType(checked, Distributions.deployedAt(store.timings(), scope.now())));
        return distribution.meta();
    }

    private static ResourceMeta setOnLoadBalancer(LightsailState state, SetIpAddressTypeRequest request, IpAddressType type) {
        LoadBalancerRecord balancer = state.loadBalancers.get(request.resourceName());
        if (type == IpAddressType.IPV6) {
            throw LightsailErrors.invalidInput("A load balancer's IP address type is dualstack or ipv4, not ipv6.");
        }
        state.loadBalancers.put(balancer.withIpAddressType(type.toString()));
        return balancer.meta();
    }
}
