package io.cloudjar.vpc;

import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A subnet and the private addresses its interfaces hold. AWS reserves five addresses of every subnet: the
 * network address, .1 (router), .2 (DNS), .3 (future use) and the last (broadcast).
 */
final class SubnetRecord extends Resource {
    static final int RESERVED = 5;
    private static final int FIRST_USABLE = 4;

    final String vpcId;
    final String ownerId;
    final Ipv4Cidr cidr;
    final String availabilityZone;
    final String availabilityZoneId;
    final boolean defaultForAz;
    final List<Ipv6Block> ipv6 = new ArrayList<>();
    boolean mapPublicIpOnLaunch;
    boolean assignIpv6AddressOnCreation;
    boolean enableDns64;
    boolean enableResourceNameDnsARecordOnLaunch;
    boolean enableResourceNameDnsAaaaRecordOnLaunch;
    String hostnameType = "ip-name";
    private final BitSet used = new BitSet();

    SubnetRecord(String id, String vpcId, String ownerId, Ipv4Cidr cidr, String availabilityZone, String availabilityZoneId,
                 boolean defaultForAz, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.cidr = cidr;
        this.availabilityZone = availabilityZone;
        this.availabilityZoneId = availabilityZoneId;
        this.defaultForAz = defaultForAz;
        this.mapPublicIpOnLaunch = defaultForAz;
    }

    int availableIpAddressCount() {
        return (int) (cidr.size() - RESERVED - used.cardinality());
    }

    /** The lowest free usable address, taken; empty when the subnet is full. */
    OptionalInt allocate() {
        int offset = used.nextClearBit(FIRST_USABLE);
        if (offset >= cidr.size() - 1) {
            return OptionalInt.empty();
        }
        used.set(offset);
        return OptionalInt.of(cidr.addressAt(offset));
    }

    /** Whether an address may be assigned at all: inside the block and not one of the five reserved. */
    boolean assignable(int ip) {
        if (!cidr.containsAddress(ip)) {
            return false;
        }
        long offset = cidr.offsetOf(ip);
        return offset >= FIRST_USABLE && offset < cidr.size() - 1;
    }

    boolean inUse(int ip) {
        return used.get((int) cidr.offsetOf(ip));
    }

    /** Takes a specific assignable, free address. */
    void take(int ip) {
        used.set((int) cidr.offsetOf(ip));
    }

    void release(int ip) {
        if (cidr.containsAddress(ip)) {
            used.clear((int) cidr.offsetOf(ip));
        }
    }

    /** An IPv6 block of the subnet and its association. */
    record Ipv6Block(String associationId, String ipv6CidrBlock, String state) {
    }
}
