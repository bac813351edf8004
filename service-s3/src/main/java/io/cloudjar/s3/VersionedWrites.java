package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;

/**
 * How a new object or a delete lands in a key's history under the bucket's versioning state (S3 User
 * Guide, "Using versioning"): enabled buckets stack versions and delete markers; unversioned and suspended
 * buckets replace the "null" version. A body that stops being referenced is removed after the swap. New versions
 * and delete markers written by calls are handed to {@link Replication}; lifecycle's are not (S3 does not replicate
 * lifecycle actions).
 */
final class VersionedWrites {
    private final S3State state;
    private final boolean replicated;

    VersionedWrites(S3State state) {
        this(state, true);
    }

    private VersionedWrites(S3State state, boolean replicated) {
        this.state = state;
        this.replicated = replicated;
    }

    /** Writes of lifecycle actions, which replication leaves alone. */
    static VersionedWrites unreplicated(S3State state) {
        return new VersionedWrites(state, false);
    }

    /**
     * Swaps in a new version whose body is already on disk; on a failed condition the body is removed. A write
     * that a reset overtook is acknowledged as having landed just before it, and goes with everything else.
     */
    StoredObject commit(Bucket bucket, StoredObject object, WriteConditions conditions) {
        StoredObject displaced;
        try {
            displaced = bucket.edit(object.key(), versions -> {
                conditions.check(object.key(), versions.latest());
                return versions.push(object);
            });
        } catch (Bucket.BucketDeletedException e) {
            state.blobs().delete(object.blob());
            if (e.byReset()) {
                return object;
            }
            throw e;
        } catch (RuntimeException e) {
            bucket.forget(object.blob());
            state.blobs().delete(object.blob());
            throw e;
        }
        release(bucket, displaced);
        replicate(bucket, object);
        return object;
    }

    /**
     * DeleteObject without a version id: removes the object of an unversioned bucket, or writes a delete
     * marker (enabled: a new version; suspended: the null version).
     *
     * @return the delete marker written, or null
     */
    StoredObject deleteLatest(Bucket bucket, String key, String ownerAccount) {
        if (bucket.versioning() == null) {
            StoredObject removed = bucket.edit(key, versions -> versions.remove(null));
            release(bucket, removed);
            return null;
        }
        StoredObject marker = StoredObject.deleteMarker(key, VersionIds.next(bucket), state.clock().now(), ownerAccount);
        release(bucket, bucket.edit(key, versions -> versions.push(marker)));
        replicate(bucket, marker);
        return marker;
    }

    /** DeleteObject with a version id: removes that version for good; returns it, or null if absent. */
    StoredObject deleteVersion(Bucket bucket, String key, String versionId) {
        StoredObject removed = bucket.edit(key, versions -> versions.remove(versionId));
        release(bucket, removed);
        return removed;
    }

    /**
     * Replaces the version a call names (the latest when {@code versionId} is null) with an edited copy that
     * shares its body, e.g. new tags or a restore; returns the edited version.
     */
    StoredObject update(Bucket bucket, String key, String versionId, java.util.function.UnaryOperator<StoredObject> change) {
        return bucket.edit(key, versions -> {
            StoredObject current = ObjectLookup.find(bucket, key, versionId);
            StoredObject edited = change.apply(current);
            if (edited != current) {
                versions.replace(current, edited);
            }
            return edited;
        });
    }

    private void replicate(Bucket bucket, StoredObject version) {
        if (replicated) {
            state.replication().written(bucket, version);
        }
    }

    private void release(Bucket bucket, StoredObject gone) {
        if (gone != null && gone.blob() != null) {
            bucket.forget(gone.blob());
            state.blobs().delete(gone.blob());
        }
    }
}
