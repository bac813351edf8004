package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationResponse;

/**
 * A bucket's object lock configuration: enabled at creation ({@code x-amz-bucket-object-lock-enabled}) or later on
 * a versioned bucket, never disabled; its default retention rule. Retention is not enforced yet.
 */
public final class ObjectLockProvider extends S3Feature {
    static final ObjectLockConfiguration ENABLED = ObjectLockConfiguration.builder()
            .objectLockEnabled(ObjectLockEnabled.ENABLED).build();

    public PutObjectLockConfigurationResponse putObjectLockConfiguration(CallContext ctx,
            PutObjectLockConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ObjectLockConfiguration config = request.objectLockConfiguration();
        if (config == null || config.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw S3Errors.malformedXml();
        }
        if (bucket.versioning() != Bucket.Versioning.ENABLED) {
            throw S3Errors.invalidBucketState("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
        }
        if (config.rule() != null) {
            check(config.rule().defaultRetention());
        }
        bucket.setting(ObjectLockConfiguration.class, config);
        return PutObjectLockConfigurationResponse.builder().build();
    }

    public GetObjectLockConfigurationResponse getObjectLockConfiguration(CallContext ctx,
            GetObjectLockConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetObjectLockConfigurationResponse.builder().objectLockConfiguration(BucketSettings.required(bucket,
                ObjectLockConfiguration.class, "ObjectLockConfigurationNotFoundError",
                "Object Lock configuration does not exist for this bucket")).build();
    }

    private static void check(DefaultRetention retention) {
        if (retention == null || retention.mode() == null || (retention.days() == null) == (retention.years() == null)) {
            throw S3Errors.malformedXml();
        }
        String mode = retention.modeAsString();
        if (!"GOVERNANCE".equals(mode) && !"COMPLIANCE".equals(mode)) {
            throw S3Errors.malformedXml();
        }
        Integer period = retention.days() != null ? retention.days() : retention.years();
        if (period <= 0) {
            throw S3Errors.invalidArgument("Default retention period must be a positive integer value", "DefaultRetention",
                    period.toString());
        }
    }
}
