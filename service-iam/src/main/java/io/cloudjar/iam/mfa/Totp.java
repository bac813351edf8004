package io.cloudjar.iam.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as virtual MFA apps compute them: HMAC-SHA1 over the number of
 * 30-second steps since the epoch, dynamically truncated (RFC 4226) to six digits.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;

    private Totp() {
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    public static String code(byte[] seed, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * The step of {@code code1} when {@code code1} and {@code code2} are the codes of two consecutive steps
     * within {@code window} steps of {@code now}, as EnableMFADevice and ResyncMFADevice require.
     */
    public static OptionalLong consecutive(byte[] seed, String code1, String code2, Instant now, int window) {
        long current = step(now);
        for (long s = current - window; s <= current + window; s++) {
            if (code(seed, s).equals(code1) && code(seed, s + 1).equals(code2)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The step of a single code within {@code window} steps of now (clock drift), or empty. */
    public static OptionalLong single(byte[] seed, String code, Instant now, int window) {
        long current = step(now);
        for (long s = current - window; s <= current + window; s++) {
            if (code(seed, s).equals(code)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }
}
