package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.s3.model.StoredObject;

/**
 * Conditional writes ({@code If-None-Match: *}, {@code If-Match: <etag>}) on PutObject, CopyObject and
 * CompleteMultipartUpload. They are checked when the new version is swapped in, under the key's lock, so
 * of two racing conditional writers exactly one succeeds.
 */
record WriteConditions(String ifMatch, String ifNoneMatch) {
    static final WriteConditions NONE = new WriteConditions(null, null);

    WriteConditions {
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw AwsErrors.of("NotImplemented", 501, "A header you provided implies functionality that is not implemented")
                    .withDetail("Header", "If-None-Match");
        }
    }

    /** @param latest the key's newest version, maybe a delete marker, or null */
    void check(String key, StoredObject latest) {
        boolean exists = latest != null && !latest.deleteMarker();
        if (ifNoneMatch != null && exists) {
            throw S3Errors.preconditionFailed("If-None-Match");
        }
        if (ifMatch != null) {
            if (!exists) {
                throw S3Errors.noSuchKey(key);
            }
            if (!Preconditions.etagMatches(ifMatch, latest.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        }
    }
}
