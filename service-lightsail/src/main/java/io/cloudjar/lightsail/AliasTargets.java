package io.cloudjar.lightsail;

import java.util.HashSet;
import java.util.Set;

/**
 * What an alias A record may point at: the DNS name of one of the account's load balancers or container services
 * in any region (zones live in us-east-1, their targets anywhere), or a CloudFront distribution (Lightsail
 * distributions are not emulated, so any {@code *.cloudfront.net} name).
 */
final class AliasTargets {
    private final Set<String> hosts;

    private AliasTargets(Set<String> hosts) {
        this.hosts = hosts;
    }

    static AliasTargets of(LightsailStore store, String account) {
        String owner = ":" + account + ":";
        Set<String> hosts = new HashSet<>();
        for (LightsailState state : store.all()) {
            state.loadBalancers.list().stream().filter(lb -> lb.meta().arn().contains(owner)).forEach(lb -> hosts.add(lb.dnsName()));
            state.containerServices.list().stream().filter(c -> c.meta().arn().contains(owner))
                    .forEach(c -> hosts.add(c.domainName()));
        }
        return new AliasTargets(hosts);
    }

    boolean isKnown(String host) {
        return hosts.contains(host) || (host.endsWith(".cloudfront.net") && DnsNames.isHostName(host, 3, false));
    }
}
