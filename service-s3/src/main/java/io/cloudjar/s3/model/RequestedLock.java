package io.cloudjar.s3.model;

import java.time.Instant;

/**
 * The object lock an upload asked for ({@code x-amz-object-lock-*}), already checked: kept by a multipart upload until
 * its completion makes the version it applies to.
 *
 * @param mode        GOVERNANCE or COMPLIANCE, or null (then the bucket's default retention applies)
 * @param retainUntil with a mode, the date it holds until
 * @param legalHold   true for {@code x-amz-object-lock-legal-hold: ON}
 */
public record RequestedLock(String mode, Instant retainUntil, boolean legalHold) {
    public static final RequestedLock NONE = new RequestedLock(null, null, false);
}
