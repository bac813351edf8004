package io.cloudjar.ec2.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire types (RFC 4251 {@code string} and {@code mpint}) that PuTTY's key file is made of. */
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

    byte[] bytes() {
        return out.toByteArray();
    }
}
