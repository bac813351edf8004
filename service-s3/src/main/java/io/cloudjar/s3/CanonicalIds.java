package io.cloudjar.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** S3 canonical user ids (64 hex digits), derived from the account id so they stay stable. */
final class CanonicalIds {
    private CanonicalIds() {
    }

    static String of(String accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("cloudjar-s3-owner:" + accountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
