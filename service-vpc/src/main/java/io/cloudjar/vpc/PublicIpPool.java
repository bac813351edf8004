package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Public IPv4 addresses for Elastic IPs and auto-assigned addresses, unique across the server. They come
 * from ranges that are never routed on the internet: the three documentation blocks (RFC 5737), then the
 * benchmarking block 198.18.0.0/15 (RFC 2544) once those are used up. {@code EC2_PUBLIC_IP_RANGES}
 * (comma-separated CIDR blocks) replaces them.
 */
final class PublicIpPool {
    static final String SETTING = "EC2_PUBLIC_IP_RANGES";
    private static final List<Ipv4Cidr> DEFAULT_RANGES = List.of(
            Ipv4Cidr.parse("203.0.113.0/24").orElseThrow(),
            Ipv4Cidr.parse("198.51.100.0/24").orElseThrow(),
            Ipv4Cidr.parse("192.0.2.0/24").orElseThrow(),
            Ipv4Cidr.parse("198.18.0.0/15").orElseThrow());
    private static final int RANDOM_TRIES = 16;

    private final List<Ipv4Cidr> ranges;
    private final Set<Integer> taken = new HashSet<>();
    /** The address given back last: not handed out again while others are free (a restarted instance gets a new one). */
    private Integer lastReleased;

    PublicIpPool() {
        this(DEFAULT_RANGES);
    }

    PublicIpPool(List<Ipv4Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The pool of {@code EC2_PUBLIC_IP_RANGES}, or of the default ranges when it is unset or not CIDR blocks. */
    static PublicIpPool of(String setting) {
        if (setting == null || setting.isBlank()) {
            return new PublicIpPool();
        }
        List<Ipv4Cidr> ranges = new ArrayList<>();
        for (String block : setting.split(",")) {
            Optional<Ipv4Cidr> range = Ipv4Cidr.parse(block.trim());
            if (range.isEmpty()) {
                LoggerFactory.getLogger(PublicIpPool.class).warn("{}={} is not a list of CIDR blocks; using the default ranges",
                        SETTING, setting);
                return new PublicIpPool();
            }
            ranges.add(range.get());
        }
        return new PublicIpPool(ranges);
    }

    /**
     * A free address, picked at random from the first range with room, as AWS hands out unrelated addresses.
     *
     * @throws io.cloudjar.core.errors.AwsException {@code AddressLimitExceeded} when every address is taken
     */
    synchronized String allocate() {
        for (Ipv4Cidr range : ranges) {
            long usable = range.size() - 2; // neither the network nor the broadcast address
            if (usable <= 0) {
                continue;
            }
            for (int i = 0; i < RANDOM_TRIES; i++) {
                int ip = range.addressAt(1 + (long) Ids.random().nextInt((int) usable));
                if (!Integer.valueOf(ip).equals(lastReleased) && taken.add(ip)) {
                    return Ipv4Cidr.format(ip);
                }
            }
            for (long offset = 1; offset <= usable; offset++) {
                int ip = range.addressAt(offset);
                if (!Integer.valueOf(ip).equals(lastReleased) && taken.add(ip)) {
                    return Ipv4Cidr.format(ip);
                }
            }
        }
        if (lastReleased != null && taken.add(lastReleased)) { // the only one left
            String ip = Ipv4Cidr.format(lastReleased);
            lastReleased = null;
            return ip;
        }
        throw Ec2Errors.of("AddressLimitExceeded");
    }

    synchronized void release(String publicIp) {
        Ipv4Cidr.parseAddress(publicIp).filter(taken::remove).ifPresent(ip -> lastReleased = ip);
    }

    /** Marks an address the state file kept as taken. */
    synchronized void restore(String publicIp) {
        Ipv4Cidr.parseAddress(publicIp).ifPresent(taken::add);
    }

    synchronized void reset() {
        taken.clear();
        lastReleased = null;
    }
}
