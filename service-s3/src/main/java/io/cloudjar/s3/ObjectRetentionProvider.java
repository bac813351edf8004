package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHold;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionResponse;

/**
 * Retention and legal hold of object versions in buckets with object lock, stored per version with S3's checks:
 * a retention date in the future; a COMPLIANCE retention, or a GOVERNANCE one without
 * {@code x-amz-bypass-governance-retention}, can only be extended. Deletes and overwrites are not refused yet.
 */
public final class ObjectRetentionProvider extends S3Feature {

    public PutObjectRetentionResponse putObjectRetention(CallContext ctx, PutObjectRetentionRequest request) {
        Bucket bucket = lockedBucket(ctx, request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        ObjectLockRetention retention = request.retention();
        if (retention == null || (retention.mode() == null) != (retention.retainUntilDate() == null)
                || retention.mode() == ObjectLockRetentionMode.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        if (retention.retainUntilDate() != null && !retention.retainUntilDate().isAfter(ctx.receivedAt())) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!", "RetainUntilDate",
                    retention.retainUntilDate().toString());
        }
        ObjectLockRetention current = (ObjectLockRetention) bucket.versionSettings(ObjectLockRetention.class).get(object.blob());
        if (current != null && current.retainUntilDate().isAfter(ctx.receivedAt()) && shortens(current, retention)
                && (current.mode() == ObjectLockRetentionMode.COMPLIANCE
                        || !Boolean.TRUE.equals(request.bypassGovernanceRetention()))) {
            throw S3Errors.accessDenied();
        }
        if (retention.mode() == null) {
            bucket.versionSettings(ObjectLockRetention.class).remove(object.blob());
        } else {
            bucket.versionSettings(ObjectLockRetention.class).put(object.blob(), retention);
        }
        return PutObjectRetentionResponse.builder().build();
    }

    public GetObjectRetentionResponse getObjectRetention(CallContext ctx, GetObjectRetentionRequest request) {
        Bucket bucket = lockedBucket(ctx, request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        Object retention = bucket.versionSettings(ObjectLockRetention.class).get(object.blob());
        if (retention == null) {
            throw noLockConfiguration();
        }
        return GetObjectRetentionResponse.builder().retention((ObjectLockRetention) retention).build();
    }

    public PutObjectLegalHoldResponse putObjectLegalHold(CallContext ctx, PutObjectLegalHoldRequest request) {
        Bucket bucket = lockedBucket(ctx, request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        ObjectLockLegalHold hold = request.legalHold();
        if (hold == null || hold.status() == null || hold.status() == ObjectLockLegalHoldStatus.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        bucket.versionSettings(ObjectLockLegalHold.class).put(object.blob(), hold);
        return PutObjectLegalHoldResponse.builder().build();
    }

    public GetObjectLegalHoldResponse getObjectLegalHold(CallContext ctx, GetObjectLegalHoldRequest request) {
        Bucket bucket = lockedBucket(ctx, request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        Object hold = bucket.versionSettings(ObjectLockLegalHold.class).get(object.blob());
        if (hold == null) {
            throw noLockConfiguration();
        }
        return GetObjectLegalHoldResponse.builder().legalHold((ObjectLockLegalHold) hold).build();
    }

    private Bucket lockedBucket(CallContext ctx, String name) {
        Bucket bucket = state.bucket(ctx.principal(), name);
        if (bucket.setting(ObjectLockConfiguration.class) == null) {
            throw S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        return bucket;
    }

    private static boolean shortens(ObjectLockRetention current, ObjectLockRetention wanted) {
        return wanted.retainUntilDate() == null || wanted.retainUntilDate().isBefore(current.retainUntilDate())
                || (current.mode() == ObjectLockRetentionMode.COMPLIANCE && wanted.mode() != ObjectLockRetentionMode.COMPLIANCE);
    }

    private static io.cloudjar.core.errors.AwsException noLockConfiguration() {
        return AwsErrors.of("NoSuchObjectLockConfiguration", 404, "The specified object does not have a ObjectLock configuration");
    }
}
