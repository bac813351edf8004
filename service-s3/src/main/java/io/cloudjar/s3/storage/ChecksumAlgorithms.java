package io.cloudjar.s3.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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

    /** The length of this checksum's binary value: what a well-formed base64 value decodes to. */
    public int byteLength() {
        return switch (this) {
            case CRC32, CRC32C -> 4;
            case CRC64NVME -> 8;
            case SHA1 -> 20;
            case SHA256 -> 32;
        };
    }

    /** A value S3 would accept as this checksum: base64 of exactly {@link #byteLength()} bytes. */
    public boolean isWellFormed(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length == byteLength();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** CRC-32, CRC-32C and CRC-64/NVME combine over concatenation; the SHA digests do not. */
    public boolean isCrc() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    /**
     * The full-object checksum of parts joined in order, from each part's file, without reading the joined
     * object again: the parts are summed in parallel, then combined.
     */
    public String combineFiles(List<Path> parts, List<Long> sizes,
                               ExecutorService pool) throws IOException {
        if (!isCrc()) {
            throw new IllegalArgumentException(name() + " does not combine");
        }
        List<Future<Long>> crcs = new ArrayList<>();
        for (Path part : parts) {
            crcs.add(pool.submit(() -> crcOf(part)));
        }
        long poly = this == CRC32 ? 0xEDB88320L : this == CRC32C ? 0x82F63B78L : 0x9A6C9329AC4BC9B5L;
        int width = this == CRC64NVME ? 64 : 32;
        try {
            long crc = crcs.get(0).get();
            for (int i = 1; i < crcs.size(); i++) {
                crc = CrcCombine.combine(crc, crcs.get(i).get(), sizes.get(i), poly, width);
            }
            return base64(crc, width / 8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (ExecutionException e) {
            throw new IOException("cannot sum a part", e.getCause());
        }
    }

    private long crcOf(Path file) throws IOException {
        Checksum crc = newCrc();
        byte[] buf = new byte[512 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    private Checksum newCrc() {
        return switch (this) {
            case CRC32 -> new CRC32();
            case CRC32C -> new CRC32C();
            case CRC64NVME -> new Crc64Nvme();
            default -> throw new IllegalStateException(name());
        };
    }

    private static String base64(long value, int bytes) {
        byte[] all = ByteBuffer.allocate(8).putLong(value).array();
        byte[] out = new byte[bytes];
        System.arraycopy(all, 8 - bytes, out, 0, bytes);
        return Base64.getEncoder().encodeToString(out);
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
