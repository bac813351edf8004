package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLoggingStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.PutBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLoggingResponse;

/**
 * Server access logging settings: the target bucket must exist and belong to the same owner ({@link ServerAccessLogs}
 * records the calls, {@link AccessLogDelivery} writes the log objects). A bucket without logging answers an empty
 * status, as S3 does.
 */
public final class LoggingProvider extends S3Feature {

    public PutBucketLoggingResponse putBucketLogging(CallContext ctx, PutBucketLoggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        BucketLoggingStatus status = request.bucketLoggingStatus();
        if (status == null) {
            throw S3Errors.malformedXml();
        }
        LoggingEnabled enabled = status.loggingEnabled();
        if (enabled != null) {
            if (enabled.targetBucket() == null || enabled.targetPrefix() == null) {
                throw S3Errors.malformedXml();
            }
            Bucket target = state.named(enabled.targetBucket());
            if (target == null) {
                throw invalidTarget("The target bucket for logging does not exist", enabled.targetBucket());
            }
            if (!target.ownerAccount().equals(bucket.ownerAccount())) {
                throw invalidTarget("The owner for the bucket to be logged and the target bucket must be the same.",
                        enabled.targetBucket());
            }
        }
        bucket.setting(LoggingEnabled.class, enabled);
        return PutBucketLoggingResponse.builder().build();
    }

    public GetBucketLoggingResponse getBucketLogging(CallContext ctx, GetBucketLoggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetBucketLoggingResponse.builder().loggingEnabled(bucket.setting(LoggingEnabled.class)).build();
    }

    private static io.cloudjar.core.errors.AwsException invalidTarget(String message, String target) {
        return AwsErrors.of("InvalidTargetBucketForLogging", 400, "%s", message).withDetail("TargetBucket", target);
    }
}
