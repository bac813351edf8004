package io.cloudjar.s3.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload declared and the parts uploaded so far. A part is added,
 * and the upload ended (completed or aborted), while holding the {@code parts} map's lock, so a part replaced by a new
 * upload of its number is never one a completion has chosen to join.
 *
 * @param checksumAlgorithm the algorithm every part carries, or null
 * @param checksumType      COMPOSITE or FULL_OBJECT when an algorithm was named, else null
 * @param encryption        what CreateMultipartUpload chose (SSE-S3, SSE-KMS, or SSE-C whose parts need the key)
 * @param lock              the object lock it asked for, applied when the upload completes
 */
public record MultipartUpload(
        String uploadId,
        String key,
        Instant initiated,
        ObjectMetadata metadata,
        String checksumAlgorithm,
        String checksumType,
        Map<String, String> tags,
        String ownerAccount,
        ObjectEncryption encryption,
        RequestedLock lock,
        ConcurrentSkipListMap<Integer, Part> parts) {

    /** One uploaded part; re-uploading a part number replaces it. */
    public record Part(int number, Path blob, long size, String etag, Instant lastModified, String checksum) {
    }
}
