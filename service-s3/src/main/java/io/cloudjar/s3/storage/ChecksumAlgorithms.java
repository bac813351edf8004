package io.cloudjar.s3.storage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The checksum algorithms S3 accepts ({@code x-amz-checksum-<name>}), computed while a body streams. */
public enum ChecksumAlgorithms {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** The header that carries this checksum, e.g. {@code x-amz-checksum-crc32}. */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm of a name as S3 spells it (any case); null when S3 has no such algorithm. */
    public static ChecksumAlgorithms fromName(String name) {
        if (name == null) {
            return null;
        }
        for (ChecksumAlgorithms a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }

    /** A fresh running computation. */
    public Running start() {
        return switch (this) {
            case CRC32 -> new CrcRunning(new CRC32(), 4);
            case CRC32C -> new CrcRunning(new CRC32C(), 4);
            case CRC64NVME -> new CrcRunning(new Crc64Nvme(), 8);
            case SHA1 -> new DigestRunning("SHA-1");
            case SHA256 -> new DigestRunning("SHA-256");
        };
    }

    /** A checksum being computed over streamed bytes. */
    public interface Running {
        void update(byte[] b, int off, int len);

        /** The base64 value, as S3 prints it. */
        String base64();
    }

    private record CrcRunning(Checksum crc, int bytes) implements Running {
        @Override
        public void update(byte[] b, int off, int len) {
            crc.update(b, off, len);
        }

        @Override
        public String base64() {
            ByteBuffer buf = ByteBuffer.allocate(8).putLong(crc.getValue());
            byte[] value = new byte[bytes];
            System.arraycopy(buf.array(), 8 - bytes, value, 0, bytes);
            return Base64.getEncoder().encodeToString(value);
        }
    }

    private static final class DigestRunning implements Running {
        private final MessageDigest digest;

        DigestRunning(String algorithm) {
            try {
                digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        public String base64() {
            return Base64.getEncoder().encodeToString(digest.digest());
        }
    }
}
