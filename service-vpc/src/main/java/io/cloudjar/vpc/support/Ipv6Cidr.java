package io.cloudjar.vpc.support;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv6 CIDR block such as {@code 2600:1f18:4a2b:1c00::/56}: parsed from literal text only (never a name
 * lookup), host bits must be clear, printed in the RFC 5952 form AWS prints.
 */
public record Ipv6Cidr(BigInteger address, int prefix) {
    private static final BigInteger ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public static Optional<Ipv6Cidr> parse(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        String literal = text.substring(0, slash);
        if (prefix > 128 || !literal.matches("[0-9a-fA-F:]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal with ':' never resolves names
            if (bytes.length != 16) {
                return Optional.empty();
            }
            Ipv6Cidr cidr = new Ipv6Cidr(new BigInteger(1, bytes), prefix);
            return cidr.address.and(cidr.mask().not().and(ALL)).signum() == 0 ? Optional.of(cidr) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public BigInteger mask() {
        return ALL.shiftRight(prefix).not().and(ALL);
    }

    public boolean contains(Ipv6Cidr other) {
        return other.prefix >= prefix && other.address.and(mask()).equals(address);
    }

    public boolean overlaps(Ipv6Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The block {@code index} places into this one at a longer prefix, e.g. the 3rd /64 of a /56. */
    public Ipv6Cidr subBlock(int newPrefix, long index) {
        return new Ipv6Cidr(address.add(BigInteger.valueOf(index).shiftLeft(128 - newPrefix)), newPrefix);
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String format(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(112 - 16 * i).intValue() & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
