package io.cloudjar.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The four-lane loop gives the reference CRC-64/NVME for every length, offset and split of the input. */
class Crc64NvmeTest {
    @Test
    void givesThePublishedCheckValue() {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9);
        assertThat(crc.getValue()).isEqualTo(0xAE8B14860A799888L);
    }

    @Test
    void equalsTheBitwiseReferenceAcrossLaneBlocks() {
        Random random = new Random(7);
        byte[] data = new byte[5 * 16384 + 77];
        random.nextBytes(data);
        int[] lengths = {0, 1, 7, 8, 9, 4095, 16383, 16384, 16385, 32768 + 13, data.length - 3};
        for (int length : lengths) {
            int off = length == data.length - 3 ? 3 : random.nextInt(3);
            long expected = reference(data, off, length);
            Crc64Nvme whole = new Crc64Nvme();
            whole.update(data, off, length);
            assertThat(whole.getValue()).as("length %d at %d", length, off).isEqualTo(expected);

            Crc64Nvme split = new Crc64Nvme(); // a lane block that straddles two updates
            int cut = length / 3;
            split.update(data, off, cut);
            split.update(data, off + cut, length - cut);
            assertThat(split.getValue()).as("length %d cut at %d", length, cut).isEqualTo(expected);
        }
    }

    /** One bit at a time, straight from the definition. */
    private static long reference(byte[] b, int off, int len) {
        long crc = -1L;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xffL;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }
}
