package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.Protocol;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How each kind of API words a failed authentication: S3 with its own codes and detail fields, EC2 with
 * {@code AuthFailure}/{@code RequestExpired}, the query APIs (IAM, STS, RDS) with {@code SignatureDoesNotMatch}
 * and {@code InvalidClientTokenId}, the JSON APIs with their {@code …Exception} codes.
 */
public final class AuthErrors {
    /** AWS accepts a request time up to 15 minutes off its own. */
    public static final long MAX_SKEW_SECONDS = 900;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String S3_MISMATCH =
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private AuthErrors() {
    }

    private enum Kind { S3, EC2, QUERY, JSON }

    private static Kind kind(ApiMetadata api) {
        if (api == null || api.api().equals("s3")) {
            return Kind.S3;
        }
        if (api.protocol() == Protocol.EC2) {
            return Kind.EC2;
        }
        return api.protocol() == Protocol.JSON ? Kind.JSON : Kind.QUERY;
    }

    /** The signature computed with the key's secret differs from the one sent. */
    public static AwsException signatureMismatch(ApiMetadata api, SigV4Credential credential, String stringToSign,
            String canonicalRequest) {
        return switch (kind(api)) {
            case S3 -> {
                AwsException e = AwsErrors.of("SignatureDoesNotMatch", 403, S3_MISMATCH)
                        .withDetail("AWSAccessKeyId", credential.accessKeyId())
                        .withDetail("StringToSign", stringToSign)
                        .withDetail("SignatureProvided", credential.signature());
                yield canonicalRequest == null ? e : e.withDetail("CanonicalRequest", canonicalRequest);
            }
            case EC2 -> AwsErrors.of("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case JSON -> AwsErrors.of("InvalidSignatureException", 400, MISMATCH);
            case QUERY -> AwsErrors.of("SignatureDoesNotMatch", 403, MISMATCH);
        };
    }

    /** The credential scope's day is not the day of the request's time. */
    public static AwsException scopeDateMismatch(ApiMetadata api, String scopeDate, String requestDate) {
        return switch (kind(api)) {
            case S3 -> AwsErrors.of("AuthorizationHeaderMalformed", 400,
                    "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.");
            case EC2 -> AwsErrors.of("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case JSON, QUERY -> AwsErrors.of(kind(api) == Kind.JSON ? "InvalidSignatureException" : "SignatureDoesNotMatch",
                    kind(api) == Kind.JSON ? 400 : 403, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                            + "of date from HTTP: '" + scopeDate + "' != '" + requestDate.substring(0, Math.min(8, requestDate.length()))
                            + "', from '" + requestDate + "'.");
        };
    }

    /** The request's own time ({@code X-Amz-Date} or {@code Date}) is more than 15 minutes from the server's. */
    public static AwsException skewed(ApiMetadata api, String requestTime, Instant signedAt, Instant now) {
        boolean past = signedAt.isBefore(now);
        String message = past
                ? "Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                        + AMZ_DATE.format(now.minusSeconds(MAX_SKEW_SECONDS)) + " (" + AMZ_DATE.format(now) + " - 15 min.)"
                : "Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later than "
                        + AMZ_DATE.format(now.plusSeconds(MAX_SKEW_SECONDS)) + " (" + AMZ_DATE.format(now) + " + 15 min.)";
        return switch (kind(api)) {
            case S3 -> AwsErrors.of("RequestTimeTooSkewed", 403,
                            "The difference between the request time and the current time is too large.")
                    .withDetail("RequestTime", requestTime)
                    .withDetail("ServerTime", now.toString())
                    .withDetail("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW_SECONDS * 1000));
            case EC2 -> AwsErrors.of("RequestExpired", 400, "Request has expired.");
            case JSON -> AwsErrors.of("InvalidSignatureException", 400, message);
            case QUERY -> AwsErrors.of("SignatureDoesNotMatch", 403, message);
        };
    }

    /** A key nobody issued (enforcing mode), an inactive or deleted key, or an expired session. */
    public static AwsException rejected(ApiMetadata api, RejectedCredentials.Reason reason) {
        boolean expired = reason == RejectedCredentials.Reason.EXPIRED;
        return switch (kind(api)) {
            case S3 -> expired ? AwsErrors.of("ExpiredToken", 400, "The provided token has expired.")
                    : AwsErrors.of("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
            case EC2 -> expired ? AwsErrors.of("RequestExpired", 400, "Request has expired.")
                    : AwsErrors.of("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case JSON -> expired ? AwsErrors.of("ExpiredTokenException", 400, "The security token included in the request is expired")
                    : AwsErrors.of("UnrecognizedClientException", 400, "The security token included in the request is invalid.");
            case QUERY -> expired ? AwsErrors.of("ExpiredToken", 400, "The security token included in the request is expired")
                    : AwsErrors.of("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        };
    }

    /** A call without any credentials where they are required. */
    public static AwsException missing(ApiMetadata api) {
        return switch (kind(api)) {
            case S3 -> AwsErrors.of("AccessDenied", 403, "Access Denied");
            case JSON -> AwsErrors.of("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            case EC2, QUERY -> AwsErrors.of("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
        };
    }

    /**
     * An {@code Authorization} header and a query signature together. S3's wording; the other APIs are given the
     * same refusal in their own shape (400, {@code InvalidParameterCombination}).
     */
    public static AwsException twoMechanisms(ApiMetadata api, String authorization) {
        String message = "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
                + "string parameter or the Authorization header should be specified";
        return kind(api) == Kind.S3
                ? AwsErrors.of("InvalidArgument", 400, message).withDetail("ArgumentName", "Authorization")
                        .withDetail("ArgumentValue", authorization)
                : AwsErrors.of("InvalidParameterCombination", 400, message);
    }

    /** S3 requires {@code x-amz-content-sha256} on every SigV4 header-signed request. */
    public static AwsException missingContentSha256() {
        return AwsErrors.of("InvalidRequest", 400, "Missing required header for this request: x-amz-content-sha256");
    }
}
