package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;

/**
 * Event notification configurations (destinations are not checked, as no SQS, SNS or Lambda exists here; the events
 * they select are recorded by {@link EventNotifications}). An empty configuration turns notifications off; a bucket
 * without one answers empty.
 */
public final class NotificationProvider extends S3Feature {

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(CallContext ctx,
            PutBucketNotificationConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        NotificationConfiguration config = request.notificationConfiguration();
        if (config == null) {
            throw S3Errors.malformedXml();
        }
        bucket.setting(NotificationConfiguration.class, config);
        state.events().recordTestEvents(bucket, config, ctx.requestId(), state.clock().now());
        return PutBucketNotificationConfigurationResponse.builder().build();
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(CallContext ctx,
            GetBucketNotificationConfigurationRequest request) {
        NotificationConfiguration config = state.bucket(ctx.principal(), request.bucket())
                .setting(NotificationConfiguration.class);
        if (config == null) {
            return GetBucketNotificationConfigurationResponse.builder().build();
        }
        return GetBucketNotificationConfigurationResponse.builder()
                .topicConfigurations(config.topicConfigurations())
                .queueConfigurations(config.queueConfigurations())
                .lambdaFunctionConfigurations(config.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(config.eventBridgeConfiguration())
                .build();
    }
}
