package io.cloudjar.s3.model;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One stored object version. Immutable: a PUT makes a new one and swaps it in, so a reader holding the
 * old one keeps a consistent view.
 *
 * @param etag              quoted, as S3 sends it ({@code "d41d8…"} or {@code "…-3"} for multipart)
 * @param checksumAlgorithm CRC32, CRC32C, CRC64NVME, SHA1 or SHA256, or null
 * @param checksum          the base64 value of that checksum (for multipart: of the parts, with "-N")
 * @param partsCount        number of parts of a multipart object, 0 otherwise
 */
public record StoredObject(
        String key,
        String versionId,
        Path blob,
        long size,
        String etag,
        Instant lastModified,
        ObjectMetadata metadata,
        String checksumAlgorithm,
        String checksum,
        String checksumType,
        int partsCount) {
}
