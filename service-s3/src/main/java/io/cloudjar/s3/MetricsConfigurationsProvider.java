package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.s3.model.MetricsConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetricsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketMetricsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketMetricsConfigurationResponse;

/** CloudWatch request metrics configurations of a bucket, by id: stored and answered back (nothing is produced from them). */
public final class MetricsConfigurationsProvider extends S3Feature {
    private final NamedConfigurations<MetricsConfiguration> configurations = new NamedConfigurations<>(MetricsConfiguration.class);

    public PutBucketMetricsConfigurationResponse putBucketMetricsConfiguration(CallContext ctx,
            PutBucketMetricsConfigurationRequest request) {
        MetricsConfiguration config = request.metricsConfiguration();
        configurations.put(state.bucket(ctx.principal(), request.bucket()), request.id(), config == null ? null : config.id(),
                config);
        return PutBucketMetricsConfigurationResponse.builder().build();
    }

    public GetBucketMetricsConfigurationResponse getBucketMetricsConfiguration(CallContext ctx,
            GetBucketMetricsConfigurationRequest request) {
        return GetBucketMetricsConfigurationResponse.builder()
                .metricsConfiguration(configurations.get(state.bucket(ctx.principal(), request.bucket()), request.id())).build();
    }

    public DeleteBucketMetricsConfigurationResponse deleteBucketMetricsConfiguration(CallContext ctx,
            DeleteBucketMetricsConfigurationRequest request) {
        configurations.delete(state.bucket(ctx.principal(), request.bucket()), request.id());
        return DeleteBucketMetricsConfigurationResponse.builder().build();
    }

    public ListBucketMetricsConfigurationsResponse listBucketMetricsConfigurations(CallContext ctx,
            ListBucketMetricsConfigurationsRequest request) {
        NamedConfigurations.Page<MetricsConfiguration> page = configurations.list(state.bucket(ctx.principal(), request.bucket()),
                request.continuationToken());
        return ListBucketMetricsConfigurationsResponse.builder()
                .metricsConfigurationList(page.items())
                .isTruncated(page.nextToken() != null)
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.nextToken())
                .build();
    }
}
