package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.AccelerateConfiguration;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.GetBucketAccelerateConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAccelerateConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAccelerateConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAccelerateConfigurationResponse;

/** Transfer Acceleration status (stored; never set answers no status), refused for bucket names with periods. */
public final class AccelerateProvider extends S3Feature {

    public PutBucketAccelerateConfigurationResponse putBucketAccelerateConfiguration(CallContext ctx,
            PutBucketAccelerateConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        AccelerateConfiguration config = request.accelerateConfiguration();
        if (config == null || config.status() == null || config.status() == BucketAccelerateStatus.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        if (bucket.name().contains(".")) {
            throw S3Errors.invalidRequest("S3 Transfer Acceleration is not supported for buckets with periods (.) in their names");
        }
        bucket.setting(BucketAccelerateStatus.class, config.status());
        return PutBucketAccelerateConfigurationResponse.builder().build();
    }

    public GetBucketAccelerateConfigurationResponse getBucketAccelerateConfiguration(CallContext ctx,
            GetBucketAccelerateConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetBucketAccelerateConfigurationResponse.builder()
                .status(bucket.setting(BucketAccelerateStatus.class)).build();
    }
}
