package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import java.util.HexFormat;

/**
 * The chain of signatures of a {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]} body: each chunk is signed
 * over the previous signature (the header's, for the first) and the chunk's SHA-256, the trailing headers over
 * the last chunk's. The decoder calls it as each chunk ends, so a changed chunk fails the upload before it is
 * stored; one instance per body, read by one thread.
 */
public final class ChunkSignatures {
    /** The {@code x-amz-content-sha256} of a body whose chunks are signed (also with {@code -TRAILER}). */
    public static final String SIGNED_STREAMING = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private static final String CHUNK = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER = "AWS4-HMAC-SHA256-TRAILER";

    private final byte[] signingKey;
    private final String amzDate;
    private final String scope;
    private String previous;
    private boolean trailerSigned;

    ChunkSignatures(byte[] signingKey, String amzDate, String scope, String seedSignature) {
        this.signingKey = signingKey;
        this.amzDate = amzDate;
        this.scope = scope;
        this.previous = seedSignature;
    }

    /** For the {@code -TRAILER} variant: the trailing headers carry {@code x-amz-trailer-signature}. */
    public ChunkSignatures withSignedTrailer() {
        trailerSigned = true;
        return this;
    }

    public boolean trailerSigned() {
        return trailerSigned;
    }

    /** Checks one chunk's {@code chunk-signature} (null when the size line had none) against its data's SHA-256. */
    public void verifyChunk(String provided, byte[] dataSha256) {
        String stringToSign = CHUNK + "\n" + amzDate + "\n" + scope + "\n" + previous + "\n" + Signing.EMPTY_SHA256 + "\n"
                + HexFormat.of().formatHex(dataSha256);
        check(stringToSign, provided);
    }

    /** Checks {@code x-amz-trailer-signature} over the other trailing headers, each {@code name:value\n}. */
    public void verifyTrailer(String provided, String canonicalTrailers) {
        String stringToSign = TRAILER + "\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                + Signing.sha256Hex(canonicalTrailers);
        check(stringToSign, provided);
    }

    private void check(String stringToSign, String provided) {
        String expected = Signing.hexHmacSha256(signingKey, stringToSign);
        if (!Signing.matches(expected, provided)) {
            throw mismatch(stringToSign, provided);
        }
        previous = expected;
    }

    private static AwsException mismatch(String stringToSign, String provided) {
        return AwsErrors.of("SignatureDoesNotMatch", 403,
                        "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
                .withDetail("StringToSign", stringToSign)
                .withDetail("SignatureProvided", provided == null ? "" : provided);
    }
}
