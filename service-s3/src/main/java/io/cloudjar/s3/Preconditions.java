package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.s3.model.StoredObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Conditional GET/HEAD headers, evaluated in RFC 7232's order as S3 does. */
final class Preconditions {
    private Preconditions() {
    }

    static void check(StoredObject obj, String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        // Last-Modified has one-second resolution on the wire; compare at that resolution
        Instant modified = obj.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, obj.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw S3Errors.preconditionFailed("If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (etagMatches(ifNoneMatch, obj.etag())) {
                throw notModified(obj);
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw notModified(obj);
        }
    }

    static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || ("\"" + c + "\"").equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static io.cloudjar.core.errors.AwsException notModified(StoredObject obj) {
        return AwsErrors.of("NotModified", 304, "Not Modified")
                .withResponseMembers(GetObjectResponse.builder().eTag(obj.etag()).build());
    }
}
