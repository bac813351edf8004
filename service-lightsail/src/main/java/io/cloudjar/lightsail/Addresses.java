package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The addresses of one account and region: private IPv4 in Lightsail's own 172.26.0.0/16 network, public IPv4 (dynamic
 * and static) from a public-looking range, and IPv6. Each is handed out once; a released address may be reused.
 */
final class Addresses {
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    /** Reports each address taken (true) or released (false) to the state file (nothing without persistence). */
    private final BiConsumer<String, Boolean> kept;

    Addresses(BiConsumer<String, Boolean> kept) {
        this.kept = kept;
    }

    /** An address in use, read back from the state file. */
    void restore(String address) {
        used.add(address);
    }

    String privateIpv4() {
        return unique(() -> "172.26." + Ids.random().nextInt(256) + "." + (4 + Ids.random().nextInt(250)));
    }

    /** Lightsail's public addresses come from AWS's ranges; 3.x and 18.x stand for them here. */
    String publicIpv4() {
        return unique(() -> (Ids.random().nextBoolean() ? "3." : "18.") + Ids.random().nextInt(256) + "."
                + Ids.random().nextInt(256) + "." + (1 + Ids.random().nextInt(254)));
    }

    String ipv6() {
        return unique(() -> String.format("2600:1f18:%x:%x:%x:%x:%x:%x", Ids.random().nextInt(0x10000),
                Ids.random().nextInt(0x10000), Ids.random().nextInt(0x10000), Ids.random().nextInt(0x10000),
                Ids.random().nextInt(0x10000), Ids.random().nextInt(0x10000)));
    }

    void release(String address) {
        if (address != null && used.remove(address)) {
            kept.accept(address, false);
        }
    }

    private String unique(java.util.function.Supplier<String> next) {
        while (true) {
            String address = next.get();
            if (used.add(address)) {
                kept.accept(address, true);
                return address;
            }
        }
    }
}
