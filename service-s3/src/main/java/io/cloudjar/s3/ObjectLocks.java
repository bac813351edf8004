package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectVersions;
import io.cloudjar.s3.model.RequestedLock;
import io.cloudjar.s3.model.StoredObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHold;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Object lock as S3 applies it to versions: an upload (PutObject, CopyObject, a multipart upload at its completion)
 * gets the retention and legal hold it asks for ({@code x-amz-object-lock-*}) or the bucket's default retention; deleting a version under a legal hold or an
 * unexpired retention is refused, a GOVERNANCE one only unless {@code x-amz-bypass-governance-retention} is sent by a
 * caller allowed {@code s3:BypassGovernanceRetention}.
 */
final class ObjectLocks {
    private ObjectLocks() {
    }

    /**
     * The lock an upload request asks for, checked as S3 checks it: only in object lock buckets, mode and date
     * together, a date in the future.
     */
    static RequestedLock requested(Bucket bucket, SdkPojo request, Instant now) {
        String mode = (String) ModelClasses.member(request, "ObjectLockMode");
        Instant until = (Instant) ModelClasses.member(request, "ObjectLockRetainUntilDate");
        String legalHold = (String) ModelClasses.member(request, "ObjectLockLegalHoldStatus");
        boolean asked = mode != null || until != null || legalHold != null;
        if (bucket.setting(ObjectLockConfiguration.class) == null) {
            if (asked) {
                throw S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
            }
            return RequestedLock.NONE;
        }
        if ((mode == null) != (until == null)) {
            throw S3Errors.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be "
                    + "supplied", "x-amz-object-lock-mode", mode);
        }
        if (until != null && !until.isAfter(now)) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!",
                    "x-amz-object-lock-retain-until-date", until.toString());
        }
        return new RequestedLock(mode, until, ObjectLockLegalHoldStatus.ON.toString().equals(legalHold));
    }

    /** Records the requested lock, or the bucket's default retention from {@code now}, for the version of {@code blob}. */
    static void apply(Bucket bucket, Path blob, RequestedLock lock, Instant now) {
        ObjectLockConfiguration config = bucket.setting(ObjectLockConfiguration.class);
        if (config == null) {
            return;
        }
        ObjectLockRetention retention = null;
        if (lock.mode() != null) {
            retention = ObjectLockRetention.builder().mode(lock.mode()).retainUntilDate(lock.retainUntil()).build();
        } else if (config.rule() != null && config.rule().defaultRetention() != null) {
            DefaultRetention d = config.rule().defaultRetention();
            Duration period = d.days() != null ? Duration.ofDays(d.days()) : Duration.ofDays(365L * d.years());
            retention = ObjectLockRetention.builder().mode(d.modeAsString()).retainUntilDate(now.plus(period)).build();
        }
        if (retention != null) {
            bucket.versionSettings(ObjectLockRetention.class).put(blob, retention);
        }
        if (lock.legalHold()) {
            bucket.versionSettings(ObjectLockLegalHold.class).put(blob,
                    ObjectLockLegalHold.builder().status(ObjectLockLegalHoldStatus.ON).build());
        }
    }

    /** Refuses deleting the version (by its parsed id) while a legal hold or retention protects it. */
    static void checkDeletable(CallContext ctx, Bucket bucket, String key, String versionId, Boolean bypassGovernance) {
        if (bucket.setting(ObjectLockConfiguration.class) == null) {
            return;
        }
        ObjectVersions versions = bucket.objects().get(key);
        StoredObject version = versions == null ? null : versions.version(versionId);
        if (version == null || version.blob() == null) {
            return;
        }
        Object hold = bucket.versionSettings(ObjectLockLegalHold.class).get(version.blob());
        if (hold instanceof ObjectLockLegalHold h && h.status() == ObjectLockLegalHoldStatus.ON) {
            throw protectedByLock();
        }
        Object retention = bucket.versionSettings(ObjectLockRetention.class).get(version.blob());
        if (retention instanceof ObjectLockRetention r && r.retainUntilDate().isAfter(ctx.receivedAt())) {
            boolean bypass = r.mode() == ObjectLockRetentionMode.GOVERNANCE && Boolean.TRUE.equals(bypassGovernance)
                    && ctx.allowed("s3:BypassGovernanceRetention", "arn:aws:s3:::" + bucket.name() + "/" + key, Map.of());
            if (!bypass) {
                throw protectedByLock();
            }
        }
    }

    private static io.cloudjar.core.errors.AwsException protectedByLock() {
        return AwsErrors.modeled("AccessDenied", "Access Denied because object protected by object lock.");
    }
}
