package io.cloudjar.lightsail;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AccessDirection;
import software.amazon.awssdk.services.lightsail.model.InstancePortInfo;
import software.amazon.awssdk.services.lightsail.model.InstancePortState;
import software.amazon.awssdk.services.lightsail.model.NetworkProtocol;
import software.amazon.awssdk.services.lightsail.model.PortAccessType;
import software.amazon.awssdk.services.lightsail.model.PortInfo;
import software.amazon.awssdk.services.lightsail.model.PortState;

/**
 * One open range of an instance's firewall. A range is identified by ports and protocol: opening it again replaces its
 * sources. Without sources a rule is open to everyone (0.0.0.0/0, and ::/0 on instances with IPv6).
 */
record PortRule(int fromPort, int toPort, String protocol, List<String> cidrs, List<String> ipv6Cidrs, List<String> cidrListAliases) {
    static final List<String> ANYWHERE_V4 = List.of("0.0.0.0/0");
    static final List<String> ANYWHERE_V6 = List.of("::/0");

    PortRule {
        cidrs = List.copyOf(cidrs);
        ipv6Cidrs = List.copyOf(ipv6Cidrs);
        cidrListAliases = List.copyOf(cidrListAliases);
    }

    /** A default rule of a new instance: TCP on one port, open to everyone on the address families it has. */
    static PortRule open(int port, boolean ipv4, boolean ipv6) {
        return new PortRule(port, port, "tcp", ipv4 ? ANYWHERE_V4 : List.of(), ipv6 ? ANYWHERE_V6 : List.of(), List.of());
    }

    /**
     * This rule on an instance whose address families became {@code ipv4}/{@code ipv6} (SetIpAddressType): sources of
     * a family it no longer has are dropped; a rule open to all IPv4 is opened to all IPv6 too when IPv6 is added.
     */
    PortRule forFamilies(boolean ipv4, boolean ipv6) {
        List<String> v4 = ipv4 ? cidrs : List.of();
        List<String> v6 = !ipv6 ? List.of() : ipv6Cidrs.isEmpty() && cidrs.equals(ANYWHERE_V4) ? ANYWHERE_V6 : ipv6Cidrs;
        return new PortRule(fromPort, toPort, protocol, v4, v6, cidrListAliases);
    }

    /**
     * A rule of Open/Put/CloseInstancePublicPorts, checked: ports 0-65535 with from ≤ to, ICMP types/codes as AWS
     * reads them, and a rule without any source opens to everyone.
     */
    static PortRule of(PortInfo info, boolean ipv4, boolean ipv6) {
        if (info.fromPort() == null || info.toPort() == null || info.protocol() == null) {
            throw LightsailErrors.invalidInput("A port info needs fromPort, toPort and protocol.");
        }
        if (info.protocol() == NetworkProtocol.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The protocol %s is not valid: use tcp, udp, all, icmp or icmpv6.", info.protocolAsString());
        }
        int from = info.fromPort();
        int to = info.toPort();
        boolean icmp = info.protocol() == NetworkProtocol.ICMP || info.protocol() == NetworkProtocol.ICMPV6;
        if (icmp ? (from < -1 || from > 255 || to < -1 || to > 255) : (from < 0 || to > 65535 || from > to)) {
            throw LightsailErrors.invalidInput("The port range %d-%d is not valid for protocol %s.", from, to, info.protocolAsString());
        }
        List<String> cidrs = info.hasCidrs() ? info.cidrs() : List.of();
        List<String> v6 = info.hasIpv6Cidrs() ? info.ipv6Cidrs() : List.of();
        List<String> aliases = info.hasCidrListAliases() ? info.cidrListAliases() : List.of();
        cidrs.forEach(c -> Cidrs.check(c, false));
        v6.forEach(c -> Cidrs.check(c, true));
        if (cidrs.isEmpty() && v6.isEmpty() && aliases.isEmpty()) {
            cidrs = ipv4 ? ANYWHERE_V4 : List.of();
            v6 = ipv6 ? ANYWHERE_V6 : List.of();
        }
        return new PortRule(from, to, info.protocolAsString(), cidrs, v6, aliases);
    }

    boolean sameRange(PortRule other) {
        return fromPort == other.fromPort && toPort == other.toPort && protocol.equals(other.protocol);
    }

    InstancePortInfo toPortInfo() {
        return InstancePortInfo.builder()
                .fromPort(fromPort).toPort(toPort).protocol(protocol)
                .accessFrom(accessFrom()).accessType(PortAccessType.PUBLIC).commonName("")
                .accessDirection(AccessDirection.INBOUND)
                .cidrs(cidrs).ipv6Cidrs(ipv6Cidrs).cidrListAliases(cidrListAliases)
                .build();
    }

    InstancePortState toPortState() {
        return InstancePortState.builder()
                .fromPort(fromPort).toPort(toPort).protocol(protocol).state(PortState.OPEN)
                .cidrs(cidrs).ipv6Cidrs(ipv6Cidrs).cidrListAliases(cidrListAliases)
                .build();
    }

    /** As the console words the source: "Anywhere (0.0.0.0/0 and ::/0)", the one CIDR, or "Custom". */
    private String accessFrom() {
        List<String> all = new ArrayList<>(cidrs);
        all.addAll(ipv6Cidrs);
        if (cidrListAliases.isEmpty() && all.stream().allMatch(c -> c.equals("0.0.0.0/0") || c.equals("::/0"))) {
            return "Anywhere (" + String.join(" and ", all) + ")";
        }
        return all.size() == 1 && cidrListAliases.isEmpty() ? all.get(0) : "Custom";
    }
}
