package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.util.PercentCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies SigV4 query-string signatures (presigned URLs) and POST policy signatures against the
 * signer's secret key, as AWS does: an expired URL is {@code AccessDenied} "Request has expired", any
 * change to what was signed is {@code SignatureDoesNotMatch} (with the canonical request and string to
 * sign, so a user can find the difference).
 */
public final class SigV4Verifier {
    /** AWS refuses presigned URLs valid for longer than seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private SigV4Verifier() {
    }

    /** Checks a presigned request: parameters, validity window (on {@code now}), then the signature. */
    public static void verifyPresigned(IncomingRequest request, SigV4Credential credential, String secretKey, Instant now) {
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
        if (signedAt.isAfter(now.plusSeconds(900))) {
            throw AwsErrors.of("AccessDenied", 403, "Request is not valid yet");
        }
        String canonical = canonicalRequest(request, credential);
        String scope = credential.date() + "/" + credential.region() + "/" + credential.service() + "/aws4_request";
        String stringToSign = SigV4Parser.ALGORITHM + "\n" + credential.amzDate() + "\n" + scope + "\n" + sha256Hex(canonical);
        String expected = HexFormat.of().formatHex(hmac(signingKey(secretKey, credential), stringToSign));
        if (!constantTimeEquals(expected, credential.signature())) {
            throw signatureMismatch(credential, stringToSign, canonical);
        }
    }

    /** Checks the signature of a browser-form POST policy: HMAC of the base64 policy with the signing key. */
    public static void verifyPolicy(String policyBase64, SigV4Credential credential, String secretKey) {
        String expected;
        if (credential.sigV2()) {
            expected = java.util.Base64.getEncoder().encodeToString(mac("HmacSHA1",
                    secretKey.getBytes(StandardCharsets.UTF_8), policyBase64));
        } else {
            expected = HexFormat.of().formatHex(hmac(signingKey(secretKey, credential), policyBase64));
        }
        if (credential.signature() == null || !constantTimeEquals(expected, credential.signature())) {
            throw signatureMismatch(credential, policyBase64, null);
        }
    }

    public static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw AwsErrors.of("AuthorizationQueryParametersError", 400,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
    }

    /** Method, URI, query, signed headers, signed header names and payload hash, one per line. */
    static String canonicalRequest(IncomingRequest request, SigV4Credential credential) {
        boolean s3 = "s3".equals(credential.service());
        StringBuilder sb = new StringBuilder();
        sb.append(request.method()).append('\n');
        sb.append(canonicalUri(request.rawPath(), s3)).append('\n');
        sb.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : credential.signedHeaders()) {
            List<String> values = name.equalsIgnoreCase("host") && request.header("Host") == null ? List.of()
                    : request.headers().getAll(name);
            List<String> trimmed = new ArrayList<>();
            values.forEach(v -> trimmed.add(v.trim().replaceAll(" +", " ")));
            sb.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", trimmed)).append('\n');
        }
        sb.append('\n').append(String.join(";", credential.signedHeaders())).append('\n');
        String payloadHash = request.query().get("X-Amz-Content-Sha256");
        sb.append(payloadHash != null ? payloadHash : s3 ? "UNSIGNED-PAYLOAD" : EMPTY_SHA256);
        return sb.toString();
    }

    /** S3 signs each path segment encoded once; other services encode the already-encoded path again. */
    private static String canonicalUri(String rawPath, boolean s3) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            String segment = s3 ? PercentCodec.decode(segments[i], false) : segments[i];
            sb.append(PercentCodec.encode(segment, false));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentCodec.decode(eq < 0 ? pair : pair.substring(0, eq), false);
            if (name.equals("X-Amz-Signature")) {
                continue;
            }
            String value = eq < 0 ? "" : PercentCodec.decode(pair.substring(eq + 1), false);
            pairs.add(new String[] {PercentCodec.encode(name, false), PercentCodec.encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static byte[] signingKey(String secretKey, SigV4Credential credential) {
        byte[] key = mac("HmacSHA256", ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), credential.date());
        key = hmac(key, credential.region());
        key = hmac(key, credential.service());
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        return mac("HmacSHA256", key, data);
    }

    private static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static AwsException signatureMismatch(SigV4Credential credential, String stringToSign, String canonical) {
        return AwsErrors.of("SignatureDoesNotMatch", 403,
                        "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
                .withDetail("AWSAccessKeyId", credential.accessKeyId())
                .withDetail("StringToSign", stringToSign)
                .withDetail("SignatureProvided", credential.signature())
                .withDetail("CanonicalRequest", canonical);
    }
}
