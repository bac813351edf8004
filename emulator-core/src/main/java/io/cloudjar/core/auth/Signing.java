package io.cloudjar.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The cryptography every AWS signature shares: HMACs, SHA-256 in hex, SigV4's derived key, a constant-time compare. */
final class Signing {
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Signing() {
    }

    /** {@code kSigning}: the secret narrowed to one day, region and service, as SigV4 derives it. */
    static byte[] signingKey(String secretKey, SigV4Credential credential) {
        byte[] key = mac("HmacSHA256", ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), credential.date());
        key = hmacSha256(key, credential.region());
        key = hmacSha256(key, credential.service());
        return hmacSha256(key, "aws4_request");
    }

    static String scope(SigV4Credential credential) {
        return credential.date() + "/" + credential.region() + "/" + credential.service() + "/aws4_request";
    }

    static String hexHmacSha256(byte[] key, String data) {
        return HexFormat.of().formatHex(hmacSha256(key, data));
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return mac("HmacSHA256", key, data);
    }

    static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares without leaking, through timing, how much of a guessed signature was right. */
    static boolean matches(String expected, String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8));
    }
}
