package io.cloudjar.core.util;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** AWS-shaped identifiers: {@code vpc-0a1b…} (17 hex digits), request ids, access keys. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {
    }

    /**
     * An EC2 resource id, e.g. {@code ec2("vpc")} → {@code vpc-0f3a9c1d2e4b5a6c7}: 17 hex digits, the first a
     * {@code 0} as in every long id AWS issues.
     */
    public static String ec2(String prefix) {
        return prefix + "-0" + hex(16);
    }

    public static String hex(int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[RANDOM.nextInt(16)];
        }
        return new String(out);
    }

    /**
     * An IAM-style id: prefix plus upper-case base32 characters, {@code length} in all. Access keys
     * (AKIA, ASIA) are 20 long; user, role and group ids (AIDA, AROA, AGPA) are 21.
     */
    public static String iam(String prefix, int length) {
        char[] out = new char[length - prefix.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = UPPER_ALNUM[RANDOM.nextInt(UPPER_ALNUM.length)];
        }
        return prefix + new String(out);
    }

    /**
     * A request id as AWS query and JSON APIs print it (a version 4 UUID). Made once per call, so from a fast random
     * source: {@code UUID.randomUUID()} takes a lock shared by every thread and reads the kernel's entropy, and a
     * request id needs to be unique, not unguessable.
     */
    public static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56); // IETF variant
        return new UUID(high, low).toString();
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
