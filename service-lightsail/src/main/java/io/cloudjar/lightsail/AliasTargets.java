package io.cloudjar.lightsail;

import java.util.HashSet;
import java.util.Set;

/**
 * What an alias A record may point at: the DNS name of one of the region's load balancers or container services,
 * or a CloudFront distribution (Lightsail distributions are not emulated, so any {@code *.cloudfront.net} name).
 */
final class AliasTargets {
    private final Set<String> hosts;

    private AliasTargets(Set<String> hosts) {
        this.hosts = hosts;
    }

    static AliasTargets of(LightsailState state) {
        Set<String> hosts = new HashSet<>();
        return new AliasTargets(hosts);
    }

    boolean isKnown(String host) {
        return hosts.contains(host) || (host.endsWith(".cloudfront.net") && DnsNames.isHostName(host, 3, false));
    }
}
