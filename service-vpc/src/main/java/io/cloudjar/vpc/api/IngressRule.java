package io.cloudjar.vpc.api;

import java.util.List;

/**
 * An inbound rule of a security group made through {@link InstanceNetworking#createSecurityGroup}.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} (all)
 */
public record IngressRule(String protocol, int fromPort, int toPort, List<String> ipv4Cidrs, List<String> ipv6Cidrs) {
    public IngressRule {
        ipv4Cidrs = List.copyOf(ipv4Cidrs);
        ipv6Cidrs = List.copyOf(ipv6Cidrs);
    }
}
