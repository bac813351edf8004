package io.cloudjar.vpc.support;

import java.util.Optional;

/**
 * An IPv4 CIDR block such as {@code 10.0.0.0/16}, parsed strictly: four decimal octets without leading
 * zeros, a prefix of 0–32, and no host bits set (AWS rejects {@code 10.0.0.1/16} rather than rounding it).
 */
public record Ipv4Cidr(int address, int prefix) {

    /** The block, or empty when the text is not a canonical CIDR block. */
    public static Optional<Ipv4Cidr> parse(String text) {
        return parseAny(text).filter(c -> (c.address & ~c.mask()) == 0);
    }

    /**
     * The block with any host bits cleared ({@code 100.68.0.18/18} → {@code 100.68.0.0/18}), as EC2 treats route
     * destinations; empty when the text is not CIDR syntax at all.
     */
    public static Optional<Ipv4Cidr> parseMasked(String text) {
        return parseAny(text).map(c -> new Ipv4Cidr(c.address & c.mask(), c.prefix));
    }

    private static Optional<Ipv4Cidr> parseAny(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String[] octets = text.substring(0, slash).split("\\.", -1);
        Integer prefix = number(text.substring(slash + 1), 32);
        if (octets.length != 4 || prefix == null) {
            return Optional.empty();
        }
        int address = 0;
        for (String octet : octets) {
            Integer value = number(octet, 255);
            if (value == null) {
                return Optional.empty();
            }
            address = (address << 8) | value;
        }
        return Optional.of(new Ipv4Cidr(address, prefix));
    }

    /** The netmask as an int, e.g. {@code 0xFFFF0000} for /16. */
    public int mask() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefix >= prefix && (other.address & mask()) == address;
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** How many addresses the block holds, e.g. 256 for a /24. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** Whether a single address lies in the block. */
    public boolean containsAddress(int ip) {
        return (ip & mask()) == address;
    }

    /** The address {@code offset} places into the block, e.g. offset 4 of 10.0.1.0/24 is 10.0.1.4. */
    public int addressAt(long offset) {
        return (int) (address + offset);
    }

    /** How far an address of the block lies from its start. */
    public long offsetOf(int ip) {
        return Integer.toUnsignedLong(ip) - Integer.toUnsignedLong(address);
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }

    /** Dotted-quad text of an address, e.g. {@code 10.0.1.4}. */
    public static String format(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    /** A dotted-quad address such as {@code 10.0.1.4}, or empty when the text is not one. */
    public static Optional<Integer> parseAddress(String text) {
        return text == null ? Optional.empty() : parse(text + "/32").map(Ipv4Cidr::address);
    }

    /** A decimal number in 0..max written without sign or leading zeros; else null. */
    private static Integer number(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        int value = Integer.parseInt(digits);
        return value <= max ? value : null;
    }
}
