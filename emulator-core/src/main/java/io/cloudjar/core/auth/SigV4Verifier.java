package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.model.ApiMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Verifies SigV4 signatures against the signer's secret key, as AWS does: an {@code Authorization} header
 * (request time within 15 minutes of the emulator clock), a presigned URL (expired: {@code AccessDenied}
 * "Request has expired"), a POST policy. Any change to what was signed is {@code SignatureDoesNotMatch} in the
 * API's wording (S3 adds the canonical request and string to sign, so a user can find the difference).
 */
public final class SigV4Verifier {
    /** AWS refuses presigned URLs valid for longer than seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private SigV4Verifier() {
    }

    /**
     * Checks an {@code Authorization: AWS4-HMAC-SHA256 …} request: its time, then its signature.
     *
     * @param payloadHash the body's SHA-256 (hex) or, for S3, {@code x-amz-content-sha256} as sent
     * @return the seed of the chunk signatures that follow for a {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD…} body
     */
    public static ChunkSignatures verifyHeader(ApiMetadata api, IncomingRequest request, SigV4Credential credential,
            String secretKey, String payloadHash, Instant now) {
        String amzDate = request.header("X-Amz-Date");
        Instant signedAt = RequestTime.signedAt(api, request, now);
        String requestDate = amzDate != null ? amzDate.trim() : AMZ_DATE.format(LocalDateTime.ofInstant(signedAt, ZoneOffset.UTC));
        if (!requestDate.startsWith(credential.date())) { // a signing key is good for its day only
            throw AuthErrors.scopeDateMismatch(api, credential.date(), requestDate);
        }
        String canonical = CanonicalRequest.of(request, credential, payloadHash);
        String stringToSign = SigV4Parser.ALGORITHM + "\n" + requestDate + "\n" + Signing.scope(credential) + "\n"
                + Signing.sha256Hex(canonical);
        byte[] signingKey = Signing.signingKey(secretKey, credential);
        if (!Signing.matches(Signing.hexHmacSha256(signingKey, stringToSign), credential.signature())) {
            throw AuthErrors.signatureMismatch(api, credential, stringToSign, canonical);
        }
        return new ChunkSignatures(signingKey, stringToSign.split("\n")[1], Signing.scope(credential), credential.signature());
    }

    /** Checks a presigned request: parameters, validity window (on {@code now}), then the signature. */
    public static void verifyPresigned(ApiMetadata api, IncomingRequest request, SigV4Credential credential, String secretKey,
            Instant now) {
        if (credential.signature() == null || credential.amzDate() == null || credential.expiresSeconds() == null
                || credential.signedHeaders().isEmpty() || !SigV4Parser.ALGORITHM.equals(request.query().get("X-Amz-Algorithm"))) {
            throw AwsErrors.of("AuthorizationQueryParametersError", 400, "Query-string authentication version 4 requires the "
                    + "X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        long expires = credential.expiresSeconds();
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
            throw AwsErrors.of("AuthorizationQueryParametersError", 400, expires < 1
                    ? "X-Amz-Expires must be non-negative"
                    : "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        Instant signedAt = parseAmzDate(credential.amzDate());
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            throw AwsErrors.of("AccessDenied", 403, "Request has expired")
                    .withDetail("X-Amz-Expires", Long.toString(expires))
                    .withDetail("Expires", signedAt.plusSeconds(expires).toString())
                    .withDetail("ServerTime", now.toString());
        }
        if (signedAt.isAfter(now.plusSeconds(AuthErrors.MAX_SKEW_SECONDS))) {
            throw AwsErrors.of("AccessDenied", 403, "Request is not valid yet");
        }
        String payloadHash = request.query().get("X-Amz-Content-Sha256");
        String canonical = CanonicalRequest.of(request, credential, payloadHash != null ? payloadHash
                : "s3".equals(credential.service()) ? "UNSIGNED-PAYLOAD" : Signing.EMPTY_SHA256);
        String stringToSign = SigV4Parser.ALGORITHM + "\n" + credential.amzDate() + "\n" + Signing.scope(credential) + "\n"
                + Signing.sha256Hex(canonical);
        String expected = Signing.hexHmacSha256(Signing.signingKey(secretKey, credential), stringToSign);
        if (!Signing.matches(expected, credential.signature())) {
            throw AuthErrors.signatureMismatch(api, credential, stringToSign, canonical);
        }
    }

    /** Checks the signature of a browser-form POST policy: HMAC of the base64 policy with the signing key. */
    public static void verifyPolicy(String policyBase64, SigV4Credential credential, String secretKey) {
        String expected;
        if (credential.sigV2()) {
            expected = java.util.Base64.getEncoder().encodeToString(Signing.mac("HmacSHA1",
                    secretKey.getBytes(StandardCharsets.UTF_8), policyBase64));
        } else {
            expected = Signing.hexHmacSha256(Signing.signingKey(secretKey, credential), policyBase64);
        }
        if (!Signing.matches(expected, credential.signature())) {
            throw AuthErrors.signatureMismatch(null, credential, policyBase64, null);
        }
    }

    public static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate.trim(), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw AwsErrors.of("AuthorizationQueryParametersError", 400,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
    }
}
