package io.cloudjar.ec2;

import io.cloudjar.core.util.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IMDSv2 session tokens. A token carries its expiry and an HMAC over the instance id and that expiry under a
 * key of this server, so it is valid only at the instance it was issued for and until it expires on the
 * emulator clock, and nothing has to be stored (no table to grow with every {@code PUT}). The first bytes
 * make it look like EC2's ({@code AQAEA…}); like EC2's it is opaque to clients.
 */
final class ImdsTokens {
    static final int MAX_TTL_SECONDS = 21_600;
    private static final byte[] VERSION = {1, 0, 4, 0};
    private static final int MAC_BYTES = 32;
    private static final int LENGTH = VERSION.length + Long.BYTES + MAC_BYTES;

    private final byte[] key = new byte[32];

    ImdsTokens() {
        Ids.random().nextBytes(key);
    }

    String issue(String instanceId, Instant expires) {
        ByteBuffer token = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(expires.getEpochSecond());
        token.put(mac(instanceId, expires.getEpochSecond()));
        return Base64.getEncoder().encodeToString(token.array());
    }

    /**
     * Seconds the token has left at {@code now} for this instance; empty when it is malformed, issued for
     * another instance, or expired.
     */
    OptionalLong remainingSeconds(String token, String instanceId, Instant now) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (bytes.length != LENGTH || !Arrays.equals(bytes, 0, VERSION.length, VERSION, 0, VERSION.length)) {
            return OptionalLong.empty();
        }
        long expires = ByteBuffer.wrap(bytes, VERSION.length, Long.BYTES).getLong();
        byte[] given = Arrays.copyOfRange(bytes, VERSION.length + Long.BYTES, LENGTH);
        if (!MessageDigest.isEqual(given, mac(instanceId, expires)) || now.getEpochSecond() >= expires) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(expires - now.getEpochSecond());
    }

    private byte[] mac(String instanceId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(instanceId.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(expires).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
