package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.util.PercentCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * S3's legacy signature (SigV2): {@code Authorization: AWS AKID:signature}, or a presigned URL's
 * {@code AWSAccessKeyId}/{@code Signature}/{@code Expires} (boto3's default for {@code generate_presigned_url}).
 * The signature is the base64 HMAC-SHA1 of the string to sign: method, {@code Content-MD5}, {@code Content-Type},
 * the date (a presigned URL's {@code Expires}), the {@code x-amz-*} headers, then the resource with its
 * sub-resources.
 */
public final class SigV2Verifier {
    /** The query parameters that name a sub-resource and so are signed, as botocore and the AWS SDKs sign them. */
    private static final Set<String> SUB_RESOURCES = Set.of("accelerate", "acl", "cors", "defaultObjectAcl", "location",
            "logging", "partNumber", "policy", "requestPayment", "torrent", "versioning", "versionId", "versions", "website",
            "uploads", "uploadId", "response-content-type", "response-content-language", "response-expires",
            "response-cache-control", "response-content-disposition", "response-content-encoding", "delete", "lifecycle",
            "tagging", "restore", "storageClass", "notification", "replication", "analytics", "metrics", "inventory",
            "select", "select-type", "object-lock");

    private SigV2Verifier() {
    }

    /** Checks {@code Authorization: AWS AKID:signature}: the request's time, then the signature. */
    public static void verifyHeader(ApiMetadata api, IncomingRequest request, SigV4Credential credential, String secretKey,
            String virtualHostBucket, Instant now) {
        RequestTime.signedAt(api, request, now);
        // with x-amz-date the Date line is empty: x-amz-date is signed among the x-amz-* headers
        String date = request.header("x-amz-date") != null ? "" : nullToEmpty(request.header("Date"));
        check(api, request, credential, secretKey, virtualHostBucket, date, false);
    }

    /** Checks a presigned URL: {@code Expires} (seconds since the epoch) on {@code now}, then the signature. */
    public static void verifyPresigned(ApiMetadata api, IncomingRequest request, SigV4Credential credential, String secretKey,
            String virtualHostBucket, Instant now) {
        String expires = request.query().get("Expires");
        if (credential.signature() == null || expires == null) {
            throw AwsErrors.of("AccessDenied", 403,
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires.trim());
        } catch (NumberFormatException e) {
            throw AwsErrors.of("AccessDenied", 403, "Invalid date (should be seconds since epoch): " + expires);
        }
        if (now.getEpochSecond() > expiresAt) {
            throw AwsErrors.of("AccessDenied", 403, "Request has expired")
                    .withDetail("Expires", Instant.ofEpochSecond(expiresAt).toString())
                    .withDetail("ServerTime", now.toString());
        }
        check(api, request, credential, secretKey, virtualHostBucket, expires.trim(), true);
    }

    private static void check(ApiMetadata api, IncomingRequest request, SigV4Credential credential, String secretKey,
            String virtualHostBucket, String date, boolean presigned) {
        String stringToSign = request.method() + "\n"
                + nullToEmpty(value(request, "Content-MD5", presigned)) + "\n"
                + nullToEmpty(value(request, "Content-Type", presigned)) + "\n"
                + date + "\n"
                + amzHeaders(request, presigned)
                + resource(request, virtualHostBucket);
        String expected = Base64.getEncoder().encodeToString(
                Signing.mac("HmacSHA1", secretKey.getBytes(StandardCharsets.UTF_8), stringToSign));
        if (!Signing.matches(expected, credential.signature())) {
            throw AuthErrors.signatureMismatch(api, credential, stringToSign, null);
        }
    }

    /** A presigned URL carries as query parameters what the signer had as headers (botocore moves them there). */
    private static String value(IncomingRequest request, String name, boolean presigned) {
        String header = request.header(name);
        return header != null || !presigned ? header : request.query().get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code x-amz-*} names in lower case, sorted, repeated values joined with commas, each {@code name:value\n}. */
    private static String amzHeaders(IncomingRequest request, boolean presigned) {
        Map<String, List<String>> amz = new TreeMap<>();
        for (String name : request.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                request.headers().getAll(name).forEach(v -> amz.computeIfAbsent(lower, n -> new ArrayList<>()).add(v.trim()));
            }
        }
        if (presigned) {
            request.query().asMap().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-amz-") && !amz.containsKey(lower)) {
                    values.forEach(v -> amz.computeIfAbsent(lower, n -> new ArrayList<>()).add(v.trim()));
                }
            });
        }
        StringBuilder sb = new StringBuilder();
        amz.forEach((name, values) -> sb.append(name).append(':').append(String.join(",", values)).append('\n'));
        return sb.toString();
    }

    /** {@code /bucket/key} as sent (a virtual host's bucket put in front), then the sub-resources, sorted. */
    private static String resource(IncomingRequest request, String virtualHostBucket) {
        StringBuilder sb = new StringBuilder();
        if (virtualHostBucket != null) {
            sb.append('/').append(virtualHostBucket);
        }
        sb.append(request.rawPath());
        TreeMap<String, String> sub = new TreeMap<>();
        String raw = request.rawQuery();
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = PercentCodec.decode(eq < 0 ? pair : pair.substring(0, eq), false);
            if (SUB_RESOURCES.contains(name)) {
                sub.put(name, eq < 0 ? null : PercentCodec.decode(pair.substring(eq + 1), false));
            }
        }
        String separator = "?";
        for (Map.Entry<String, String> e : sub.entrySet()) {
            sb.append(separator).append(e.getKey());
            if (e.getValue() != null) {
                sb.append('=').append(e.getValue());
            }
            separator = "&";
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
