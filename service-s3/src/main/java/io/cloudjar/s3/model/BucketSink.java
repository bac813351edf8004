package io.cloudjar.s3.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a bucket reports its changes so they survive a restart (PERSISTENCE=1); {@link #NONE} keeps nothing. Each
 * report comes from inside the change (a key's history under that key's lock), so the file sees changes in the order
 * memory does.
 */
public interface BucketSink {
    BucketSink NONE = new BucketSink() {
    };

    /** The bucket's own settings changed (policy, versioning, configurations). */
    default void bucketChanged(Bucket bucket) {
    }

    /** A key's versions are now {@code versions}, newest first (empty: the key is gone). */
    default void historyChanged(Bucket bucket, String key, List<StoredObject> versions) {
    }

    /**
     * A setting of one version, found by its body file, is now {@code value} (null: removed); {@code kind} names the
     * setting (its class's name, or {@link Bucket#OBJECT_ACL}).
     */
    default void versionSettingChanged(Bucket bucket, String kind, Path blob, Object value) {
    }

    /** An upload in progress was started or got a part (null {@code upload}: it ended). */
    default void uploadChanged(Bucket bucket, String uploadId, MultipartUpload upload) {
    }
}
