package io.cloudjar.s3.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the default checksum of S3 since 2025. The SDK's own implementation needs the native
 * aws-crt library (tens of MB); this is the reference algorithm (reflected polynomial 0x9A6C9329AC4BC9B5,
 * init and final xor all ones), verified against the published check value, computed eight bytes at a
 * time with eight tables ("slicing-by-8").
 *
 * <p>One slicing chain waits on its own previous value, so long buffers are cut into four lanes summed in
 * one loop (independent chains the CPU overlaps) and joined by the linear "append {@value #LANE} zero bytes"
 * operator, as tables too: about twice the single chain's rate (~2.7 GB/s against ~1.3 on this project's
 * machines), which matters because a large PUT sums CRC64NVME beside MD5 on two cores.
 */
public final class Crc64Nvme implements Checksum {
    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final int LANE = 4096;
    private static final int LANES = 4;
    /** Slicing tables, table t at [t * 256]: table 0 is one byte's step, table t the byte t places earlier. */
    private static final long[] T = new long[8 * 256];
    /** The same layout for "then {@value #LANE} zero bytes" applied to a register: it is linear, so per byte. */
    private static final long[] SHIFT = new long[8 * 256];
    private static final VarHandle LITTLE_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            T[i] = crc;
        }
        for (int t = 1; t < 8; t++) {
            for (int i = 0; i < 256; i++) {
                long previous = T[(t - 1) * 256 + i];
                T[t * 256 + i] = (previous >>> 8) ^ T[(int) (previous & 0xff)];
            }
        }
        long[] bitShifted = new long[64]; // the operator on each one-bit register: what CRC combination does
        for (int bit = 0; bit < 64; bit++) {
            bitShifted[bit] = CrcCombine.combine(1L << bit, 0, LANE, POLY, 64);
        }
        for (int t = 0; t < 8; t++) {
            for (int b = 0; b < 256; b++) {
                long v = 0;
                for (int k = 0; k < 8; k++) {
                    if ((b >> k & 1) != 0) {
                        v ^= bitShifted[8 * t + k];
                    }
                }
                SHIFT[t * 256 + b] = v;
            }
        }
    }

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = T[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        int i = off;
        int end = off + len;
        for (; i + LANES * LANE <= end; i += LANES * LANE) {
            long c0 = c;
            long c1 = 0;
            long c2 = 0;
            long c3 = 0;
            for (int k = i; k < i + LANE; k += 8) {
                c0 = step(c0 ^ word(b, k));
                c1 = step(c1 ^ word(b, k + LANE));
                c2 = step(c2 ^ word(b, k + 2 * LANE));
                c3 = step(c3 ^ word(b, k + 3 * LANE));
            }
            c = shift(shift(shift(c0) ^ c1) ^ c2) ^ c3;
        }
        for (; i + 8 <= end; i += 8) {
            c = step(c ^ word(b, i));
        }
        for (; i < end; i++) {
            c = T[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
    }

    private static long word(byte[] b, int at) {
        return (long) LITTLE_ENDIAN.get(b, at);
    }

    /** The register after eight bytes whose xor with it is {@code x}. */
    private static long step(long x) {
        return T[7 * 256 + (int) (x & 0xff)] ^ T[6 * 256 + (int) ((x >>> 8) & 0xff)]
                ^ T[5 * 256 + (int) ((x >>> 16) & 0xff)] ^ T[4 * 256 + (int) ((x >>> 24) & 0xff)]
                ^ T[3 * 256 + (int) ((x >>> 32) & 0xff)] ^ T[2 * 256 + (int) ((x >>> 40) & 0xff)]
                ^ T[256 + (int) ((x >>> 48) & 0xff)] ^ T[(int) (x >>> 56)];
    }

    /** The register {@code x} after {@value #LANE} zero bytes. */
    private static long shift(long x) {
        long v = 0;
        for (int t = 0; t < 8; t++) {
            v ^= SHIFT[t * 256 + (int) ((x >>> (8 * t)) & 0xff)];
        }
        return v;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
