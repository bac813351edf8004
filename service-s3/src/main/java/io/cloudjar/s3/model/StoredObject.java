package io.cloudjar.s3.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a key: an object or a delete marker. Immutable: a write makes a new one and swaps it in,
 * so a reader holding the old one keeps a consistent view. Tagging and restores replace the version with
 * a copy that shares the same body.
 *
 * @param versionId         the version id, or null for the "null" version (unversioned or suspended buckets)
 * @param etag              quoted, as S3 sends it ({@code "d41d8…"} or {@code "…-3"} for multipart)
 * @param checksumAlgorithm CRC32, CRC32C, CRC64NVME, SHA1 or SHA256, or null
 * @param checksum          the base64 value of that checksum (for multipart: of the parts, with "-N")
 * @param checksumType      FULL_OBJECT or COMPOSITE
 * @param parts             the parts of a multipart object, empty otherwise
 * @param tags              the tag set, in the order it was given
 * @param restore           the restore of an archived object, or null
 */
public record StoredObject(
        String key,
        String versionId,
        boolean deleteMarker,
        Path blob,
        long size,
        String etag,
        Instant lastModified,
        ObjectMetadata metadata,
        String checksumAlgorithm,
        String checksum,
        String checksumType,
        List<ObjectPart> parts,
        Map<String, String> tags,
        String ownerAccount,
        Restore restore) {

    public StoredObject {
        parts = parts == null ? List.of() : List.copyOf(parts);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static StoredObject deleteMarker(String key, String versionId, Instant lastModified, String ownerAccount) {
        return new StoredObject(key, versionId, true, null, 0, null, lastModified, null, null, null, null, null, null,
                ownerAccount, null);
    }

    public int partsCount() {
        return parts.size();
    }

    public StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, versionId, deleteMarker, blob, size, etag, lastModified, metadata, checksumAlgorithm,
                checksum, checksumType, parts, newTags, ownerAccount, restore);
    }

    public StoredObject withRestore(Restore newRestore) {
        return new StoredObject(key, versionId, deleteMarker, blob, size, etag, lastModified, metadata, checksumAlgorithm,
                checksum, checksumType, parts, tags, ownerAccount, newRestore);
    }

    /** The same version moved to another storage class by a lifecycle transition (same body, same Last-Modified). */
    public StoredObject withStorageClass(String storageClass) {
        return new StoredObject(key, versionId, deleteMarker, blob, size, etag, lastModified,
                metadata.withStorageClass(storageClass, metadata.websiteRedirectLocation()), checksumAlgorithm, checksum,
                checksumType, parts, tags, ownerAccount, restore);
    }

    public StoredObject withVersionId(String newVersionId) {
        return new StoredObject(key, newVersionId, deleteMarker, blob, size, etag, lastModified, metadata, checksumAlgorithm,
                checksum, checksumType, parts, tags, ownerAccount, restore);
    }

    /** One part of a multipart object: its size and its checksum in the object's algorithm (or null). */
    public record ObjectPart(long size, String checksum) {
    }

    /**
     * A temporary copy of an archived object: readable from {@code completesAt} until {@code expiresAt}.
     * Progress follows the emulator clock, so tests advance the clock instead of waiting hours.
     */
    public record Restore(Instant completesAt, Instant expiresAt) {
        public boolean ongoing(Instant now) {
            return now.isBefore(completesAt);
        }

        public boolean readable(Instant now) {
            return !ongoing(now) && now.isBefore(expiresAt);
        }
    }
}
