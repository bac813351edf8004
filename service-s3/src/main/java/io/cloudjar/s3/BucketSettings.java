package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;

/** A bucket configuration kept whole and answered back as stored, or the configuration's own 404 when unset. */
final class BucketSettings {
    private BucketSettings() {
    }

    static <T> T required(Bucket bucket, Class<T> kind, String code, String message) {
        T value = bucket.setting(kind);
        if (value == null) {
            throw S3Errors.notConfigured(code, message, bucket.name());
        }
        return value;
    }
}
