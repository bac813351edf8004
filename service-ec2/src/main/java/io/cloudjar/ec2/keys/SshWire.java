package io.cloudjar.ec2.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Writes the SSH wire types (RFC 4251 {@code string}, {@code mpint}, {@code uint32}, {@code uint64}) that PuTTY's key
 * file and OpenSSH certificates are made of.
 */
final class SshWire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWire string(byte[] value) {
        int n = value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(value);
        return this;
    }

    SshWire string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A positive integer, two's complement big-endian as BigInteger already encodes it. */
    SshWire mpint(BigInteger value) {
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    SshWire uint32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    SshWire uint64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** Bytes already in wire form, as they are. */
    SshWire raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
