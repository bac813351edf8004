package io.cloudjar.vpc.support;

import io.cloudjar.core.util.Ids;
import java.util.HashSet;
import java.util.Set;

/**
 * Amazon-provided IPv6 blocks: each VPC that asks gets a /56 out of one /32, as AWS hands out
 * {@code 2600:1f18:xxxx:xx00::/56} in us-east-1. Blocks are unique within the pool until released.
 */
public final class Ipv6BlockPool {
    /** The first 32 bits of every block, written as AWS writes them. */
    public static final String PREFIX = "2600:1f18";
    /** What AWS reports as the pool of an Amazon-provided block. */
    public static final String AMAZON_POOL = "Amazon";

    private final Set<String> allocated = new HashSet<>();

    /** A fresh /56 in canonical (RFC 5952) form, e.g. {@code 2600:1f18:4a2b:1c00::/56}. */
    public synchronized String allocate() {
        while (true) {
            // Non-zero third and fourth groups keep the text canonical without general IPv6 formatting.
            int third = 1 + Ids.random().nextInt(0xFFFF);
            int fourthHighByte = 1 + Ids.random().nextInt(0xFF);
            String block = String.format("%s:%x:%x::/56", PREFIX, third, fourthHighByte << 8);
            if (allocated.add(block)) {
                return block;
            }
        }
    }

    public synchronized void release(String block) {
        allocated.remove(block);
    }

    /** The blocks handed out, for the state file. */
    public synchronized Set<String> allocated() {
        return Set.copyOf(allocated);
    }

    /** Takes back the blocks the state file kept. */
    public synchronized void restore(Set<String> blocks) {
        allocated.addAll(blocks);
    }
}
