package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.errors.AwsErrors;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code x-amz-content-sha256}: a body whose SHA-256 the client signed is hashed while it streams (or, read whole,
 * at once) and refused when the hash differs ({@code XAmzContentSHA256Mismatch}), before anything is stored.
 */
final class ContentSha256 {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private ContentSha256() {
    }

    /** The body checked against the header's hash; unchanged for UNSIGNED-PAYLOAD and streaming signatures. */
    static InputStream check(String header, InputStream body) {
        return signsBody(header) ? new Checked(body, header.toLowerCase(Locale.ROOT)) : body;
    }

    /**
     * A body read whole (S3's XML configurations, DeleteObjects) checked against the header's hash: the signature
     * covers the header, so only this check ties the body to the signature.
     */
    static void verify(String header, byte[] body) {
        if (signsBody(header)) {
            String actual = HexFormat.of().formatHex(sha256().digest(body));
            if (!actual.equals(header.toLowerCase(Locale.ROOT))) {
                throw mismatch(header.toLowerCase(Locale.ROOT), actual);
            }
        }
    }

    /** True for a hex SHA-256; false for UNSIGNED-PAYLOAD, streaming modes and no header; refused otherwise. */
    private static boolean signsBody(String header) {
        if (header == null || header.equals("UNSIGNED-PAYLOAD") || header.startsWith("STREAMING-")) {
            return false;
        }
        if (!HEX_SHA256.matcher(header).matches()) {
            throw AwsErrors.of("InvalidArgument", 400, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                    + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                    + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, "
                    + "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.")
                    .withDetail("ArgumentName", "x-amz-content-sha256").withDetail("ArgumentValue", header);
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException mismatch(String expected, String actual) {
        return AwsErrors.of("XAmzContentSHA256Mismatch", 400,
                        "The provided 'x-amz-content-sha256' header does not match what was computed.")
                .withDetail("ClientComputedContentSHA256", expected)
                .withDetail("S3ComputedContentSHA256", actual);
    }

    private static final class Checked extends FilterInputStream {
        private final MessageDigest digest;
        private final String expected;
        private boolean verified;

        Checked(InputStream in, String expected) {
            super(in);
            this.expected = expected;
            this.digest = sha256();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            } else if (n < 0 && !verified) {
                verified = true;
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw mismatch(expected, actual);
                }
            }
            return n;
        }
    }
}
