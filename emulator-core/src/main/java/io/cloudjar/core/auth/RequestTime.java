package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.model.ApiMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time a header-signed request says it was signed ({@code X-Amz-Date}, else {@code Date}), which must be
 * within 15 minutes of the emulator clock: a captured request cannot be replayed later, and a test that moves
 * the emulator clock sees what a client with a wrong clock sees on AWS (SDKs correct their offset from the
 * answer's {@code Date} and retry).
 */
final class RequestTime {
    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RequestTime() {
    }

    /** The request's time, checked against {@code now}. */
    static Instant signedAt(ApiMetadata api, IncomingRequest request, Instant now) {
        String sent = request.header("X-Amz-Date");
        if (sent == null) {
            sent = request.header("Date");
        }
        Instant signedAt = sent == null ? null : parse(sent.trim());
        if (signedAt == null) {
            throw api == null || api.api().equals("s3")
                    ? AwsErrors.of("AccessDenied", 403, "AWS authentication requires a valid Date or x-amz-date header")
                    : AwsErrors.of("IncompleteSignature", 400,
                            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (Duration.between(signedAt, now).abs().getSeconds() > AuthErrors.MAX_SKEW_SECONDS) {
            throw AuthErrors.skewed(api, sent.trim(), signedAt, now);
        }
        return signedAt;
    }

    /** ISO 8601 basic ({@code 20261205T010000Z}, SigV4) or RFC 1123 ({@code Sat, 05 Dec 2026 01:00:00 GMT}); null if neither. */
    static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, ISO_BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notIso) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
