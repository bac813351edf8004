package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AddOn;
import software.amazon.awssdk.services.lightsail.model.InstanceState;

/**
 * A Lightsail instance. Its state is derived from the emulator clock: {@code transitional} (pending, stopping) until
 * {@code transitionEnds}, then {@code settled} (running, stopped); nothing is scheduled.
 *
 * @param publicIp     the dynamic public IPv4 address, a new one at each start (null on IPv6-only instances); a static
 *                     IP attached replaces it
 * @param staticIpName the static IP attached, or null
 * @param metadata     the instance metadata service settings
 * @param hostKeys     its SSH host keys and when Lightsail's browser client recorded them
 */
record InstanceRecord(ResourceMeta meta, String blueprintId, String blueprintName, String bundleId, String sshKeyName,
                      String username, String userData, List<AddOn> addOns, String ipAddressType, String privateIp,
                      String publicIp, List<String> ipv6Addresses, String staticIpName, List<PortRule> ports,
                      String settled, String transitional, Instant transitionEnds, InstanceMetadata metadata,
                      InstanceHostKeys hostKeys)
        implements LightsailResource<InstanceRecord> {

    static final String PENDING = "pending";
    static final String RUNNING = "running";
    static final String STOPPING = "stopping";
    static final String STOPPED = "stopped";

    InstanceRecord {
        addOns = List.copyOf(addOns);
        ipv6Addresses = List.copyOf(ipv6Addresses);
        ports = List.copyOf(ports);
    }

    @Override
    public InstanceRecord withMeta(ResourceMeta newMeta) {
        return new InstanceRecord(newMeta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, staticIpName, ports, settled, transitional, transitionEnds, metadata, hostKeys);
    }

    String state(Instant now) {
        return transitional != null && now.isBefore(transitionEnds) ? transitional : settled;
    }

    /** EC2's state codes, which Lightsail answers: pending 0, running 16, stopping 64, stopped 80. */
    InstanceState sdkState(Instant now) {
        String name = state(now);
        int code = switch (name) {
            case PENDING -> 0;
            case RUNNING -> 16;
            case STOPPING -> 64;
            case STOPPED -> 80;
            default -> 48;
        };
        return InstanceState.builder().code(code).name(name).build();
    }

    /** The address the instance answers on: its static IP's, else the dynamic one, which a stopped instance gives up. */
    String currentPublicIp(Instant now, String staticIpAddress) {
        if (staticIpAddress != null) {
            return staticIpAddress;
        }
        return STOPPED.equals(state(now)) ? null : publicIp;
    }

    boolean ipv4() {
        return !"ipv6".equals(ipAddressType);
    }

    boolean ipv6() {
        return !"ipv4".equals(ipAddressType);
    }

    /** In a new state, settled at once or after a transition. */
    InstanceRecord transition(String newTransitional, Instant ends, String newSettled, String newPublicIp) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, newPublicIp, ipv6Addresses, staticIpName, ports, newSettled, newTransitional, ends, metadata, hostKeys);
    }

    InstanceRecord withPorts(List<PortRule> newPorts) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, staticIpName, newPorts, settled, transitional, transitionEnds, metadata, hostKeys);
    }

    InstanceRecord withAddOns(List<AddOn> newAddOns) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, newAddOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, staticIpName, ports, settled, transitional, transitionEnds, metadata, hostKeys);
    }

    InstanceRecord withMetadata(InstanceMetadata newMetadata) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, staticIpName, ports, settled, transitional, transitionEnds,
                newMetadata, hostKeys);
    }

    /** With another IP address type (SetIpAddressType): the bundle, addresses and firewall sources that go with it. */
    InstanceRecord withAddressing(String newType, String newBundleId, String newPublicIp, List<String> newIpv6,
                                  List<PortRule> newPorts) {
        return new InstanceRecord(meta, blueprintId, blueprintName, newBundleId, sshKeyName, username, userData, addOns,
                newType, privateIp, newPublicIp, newIpv6, staticIpName, newPorts, settled, transitional, transitionEnds,
                metadata, hostKeys);
    }

    InstanceRecord withHostKeys(InstanceHostKeys newHostKeys) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, staticIpName, ports, settled, transitional, transitionEnds,
                metadata, newHostKeys);
    }

    InstanceRecord withStaticIp(String name) {
        return new InstanceRecord(meta, blueprintId, blueprintName, bundleId, sshKeyName, username, userData, addOns,
                ipAddressType, privateIp, publicIp, ipv6Addresses, name, ports, settled, transitional, transitionEnds, metadata, hostKeys);
    }
}
