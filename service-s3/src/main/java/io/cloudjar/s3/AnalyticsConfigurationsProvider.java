package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.s3.model.AnalyticsConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketAnalyticsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAnalyticsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ListBucketAnalyticsConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketAnalyticsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAnalyticsConfigurationResponse;

/** analytics (storage class analysis) configurations of a bucket, by id: stored and answered back (nothing is produced from them). */
public final class AnalyticsConfigurationsProvider extends S3Feature {
    private final NamedConfigurations<AnalyticsConfiguration> configurations = new NamedConfigurations<>(AnalyticsConfiguration.class);

    public PutBucketAnalyticsConfigurationResponse putBucketAnalyticsConfiguration(CallContext ctx,
            PutBucketAnalyticsConfigurationRequest request) {
        AnalyticsConfiguration config = request.analyticsConfiguration();
        configurations.put(state.bucket(ctx.principal(), request.bucket()), request.id(), config == null ? null : config.id(),
                config);
        return PutBucketAnalyticsConfigurationResponse.builder().build();
    }

    public GetBucketAnalyticsConfigurationResponse getBucketAnalyticsConfiguration(CallContext ctx,
            GetBucketAnalyticsConfigurationRequest request) {
        return GetBucketAnalyticsConfigurationResponse.builder()
                .analyticsConfiguration(configurations.get(state.bucket(ctx.principal(), request.bucket()), request.id())).build();
    }

    public DeleteBucketAnalyticsConfigurationResponse deleteBucketAnalyticsConfiguration(CallContext ctx,
            DeleteBucketAnalyticsConfigurationRequest request) {
        configurations.delete(state.bucket(ctx.principal(), request.bucket()), request.id());
        return DeleteBucketAnalyticsConfigurationResponse.builder().build();
    }

    public ListBucketAnalyticsConfigurationsResponse listBucketAnalyticsConfigurations(CallContext ctx,
            ListBucketAnalyticsConfigurationsRequest request) {
        NamedConfigurations.Page<AnalyticsConfiguration> page = configurations.list(state.bucket(ctx.principal(), request.bucket()),
                request.continuationToken());
        return ListBucketAnalyticsConfigurationsResponse.builder()
                .analyticsConfigurationList(page.items())
                .isTruncated(page.nextToken() != null)
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.nextToken())
                .build();
    }
}
