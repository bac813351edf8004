package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Public IPv4 addresses for Elastic IPs and auto-assigned addresses, unique across the server. They come
 * from ranges that are never routed on the internet: the three documentation blocks (RFC 5737), then the
 * benchmarking block 198.18.0.0/15 (RFC 2544) once those are used up.
 */
final class PublicIpPool {
    private static final List<Ipv4Cidr> RANGES = List.of(
            Ipv4Cidr.parse("203.0.113.0/24").orElseThrow(),
            Ipv4Cidr.parse("198.51.100.0/24").orElseThrow(),
            Ipv4Cidr.parse("192.0.2.0/24").orElseThrow(),
            Ipv4Cidr.parse("198.18.0.0/15").orElseThrow());
    private static final int RANDOM_TRIES = 16;

    private final Set<Integer> taken = new HashSet<>();

    /** A free address, picked at random from the first range with room, as AWS hands out unrelated addresses. */
    synchronized String allocate() {
        for (Ipv4Cidr range : RANGES) {
            long usable = range.size() - 2; // neither the network nor the broadcast address
            for (int i = 0; i < RANDOM_TRIES; i++) {
                int ip = range.addressAt(1 + (long) Ids.random().nextInt((int) usable));
                if (taken.add(ip)) {
                    return Ipv4Cidr.format(ip);
                }
            }
            for (long offset = 1; offset <= usable; offset++) {
                int ip = range.addressAt(offset);
                if (taken.add(ip)) {
                    return Ipv4Cidr.format(ip);
                }
            }
        }
        throw new IllegalStateException("public address pool exhausted");
    }

    synchronized void release(String publicIp) {
        Ipv4Cidr.parseAddress(publicIp).ifPresent(taken::remove);
    }

    synchronized void reset() {
        taken.clear();
    }
}
