package io.cloudjar.s3.storage;

/**
 * The CRC of two adjacent byte ranges from the CRC of each and the second's length, without reading the
 * bytes again: zlib's {@code crc32_combine} (matrices over GF(2) applied for each zero bit of the second
 * range's length), for any width. It holds for CRC-32, CRC-32C and CRC-64/NVME alike: reflected, with
 * initial value and final xor all ones. Multipart completion uses it to give the joined object a
 * full-object checksum from its parts'.
 */
final class CrcCombine {
    private CrcCombine() {
    }

    /**
     * @param poly  the reflected polynomial
     * @param width 32 or 64
     */
    static long combine(long crc1, long crc2, long len2, long poly, int width) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = poly; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crc1;
        long len = len2;
        do { // the first square makes the operator for one zero byte
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>>= 1;
        } while (len != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] result, long[] matrix) {
        for (int n = 0; n < matrix.length; n++) {
            result[n] = times(matrix, matrix[n]);
        }
    }
}
