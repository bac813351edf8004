package io.cloudjar.s3.storage;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the default checksum of S3 since 2025. The SDK's own implementation needs the native
 * aws-crt library (tens of MB); this table-driven one is the reference algorithm (reflected polynomial
 * 0x9A6C9329AC4BC9B5, init and final xor all ones), verified against the published check value.
 */
public final class Crc64Nvme implements Checksum {
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
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
