package io.cloudjar.s3;

import io.cloudjar.core.util.Ids;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;

/**
 * S3 version ids: 32 URL-safe characters, and the literal {@code null} for the version an unversioned or
 * suspended bucket writes (kept as a Java null in the model).
 */
final class VersionIds {
    static final String NULL = "null";
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();

    private VersionIds() {
    }

    /** The id of a new version: random when versioning is enabled, the null version otherwise. */
    static String next(Bucket bucket) {
        if (bucket.versioning() != Bucket.Versioning.ENABLED) {
            return null;
        }
        char[] id = new char[32];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[Ids.random().nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** A requested {@code versionId} as the model keeps it ("null" → null); malformed ids are S3's 400. */
    static String parse(String requested) {
        if (NULL.equals(requested)) {
            return null;
        }
        if (requested.isEmpty() || requested.length() > 1024) {
            throw S3Errors.invalidVersionId(requested);
        }
        return requested;
    }

    /** The id S3 names in {@code x-amz-version-id}: none for unversioned buckets, "null" once versioning was set. */
    static String header(Bucket bucket, StoredObject object) {
        if (object.versionId() != null) {
            return object.versionId();
        }
        return bucket.versioning() != null || object.deleteMarker() ? NULL : null;
    }

    /** The id as listings print it: always present. */
    static String listed(StoredObject object) {
        return object.versionId() == null ? NULL : object.versionId();
    }
}
