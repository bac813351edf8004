package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.PercentCodec;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The source of CopyObject and UploadPartCopy: {@code x-amz-copy-source: [/]bucket/key[?versionId=…]}
 * (URL-encoded), resolved to the version it names and checked against the
 * {@code x-amz-copy-source-if-*} conditions, which all fail with 412.
 *
 * @param versionId the version asked for, as sent, or null for the latest
 */
record CopySource(String bucket, String key, String versionId) {

    static CopySource parse(String header) {
        String raw = header.startsWith("/") ? header.substring(1) : header;
        String versionId = null;
        int q = raw.indexOf('?');
        if (q >= 0) {
            String query = raw.substring(q + 1);
            raw = raw.substring(0, q);
            if (query.startsWith("versionId=")) {
                versionId = PercentCodec.decode(query.substring("versionId=".length()), false);
            }
        }
        String decoded = PercentCodec.decode(raw, false);
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                    "x-amz-copy-source", header);
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }

    /** The source version, readable by the caller; archived sources must be restored first. */
    StoredObject resolve(S3State state, CallContext ctx) {
        Bucket source = state.bucket(ctx.principal(), bucket);
        StoredObject object;
        try {
            object = ObjectLookup.find(source, key, versionId);
        } catch (io.cloudjar.core.errors.AwsException e) {
            if (e.status() == 405) { // a delete marker named by id is not a valid copy source
                throw S3Errors.invalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
            }
            throw e;
        }
        if (StorageClasses.isArchived(object) && (object.restore() == null || !object.restore().readable(state.clock().now()))) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("ObjectNotInActiveTierError",
                    "The source object of the COPY action is not in the active tier and is only stored in Amazon Glacier.");
        }
        return object;
    }

    /** RFC 7232 pairing as S3 applies it to copies: a matching ETag overrides the date condition. */
    static void checkConditions(StoredObject source, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                                Instant ifUnmodifiedSince) {
        Instant modified = source.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!Preconditions.etagMatches(ifMatch, source.etag())) {
                throw S3Errors.preconditionFailed("x-amz-copy-source-If-Match");
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (Preconditions.etagMatches(ifNoneMatch, source.etag())) {
                throw S3Errors.preconditionFailed("x-amz-copy-source-If-None-Match");
            }
        } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-Modified-Since");
        }
    }
}
