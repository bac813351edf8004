package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.s3.model.IntelligentTieringConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketIntelligentTieringConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketIntelligentTieringConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketIntelligentTieringConfigurationResponse;

/** S3 Intelligent-Tiering archive configurations of a bucket, by id: stored and answered back (nothing is produced from them). */
public final class IntelligentTieringConfigurationsProvider extends S3Feature {
    private final NamedConfigurations<IntelligentTieringConfiguration> configurations = new NamedConfigurations<>(IntelligentTieringConfiguration.class);

    public PutBucketIntelligentTieringConfigurationResponse putBucketIntelligentTieringConfiguration(CallContext ctx,
            PutBucketIntelligentTieringConfigurationRequest request) {
        IntelligentTieringConfiguration config = request.intelligentTieringConfiguration();
        configurations.put(state.bucket(ctx.principal(), request.bucket()), request.id(), config == null ? null : config.id(),
                config);
        return PutBucketIntelligentTieringConfigurationResponse.builder().build();
    }

    public GetBucketIntelligentTieringConfigurationResponse getBucketIntelligentTieringConfiguration(CallContext ctx,
            GetBucketIntelligentTieringConfigurationRequest request) {
        return GetBucketIntelligentTieringConfigurationResponse.builder()
                .intelligentTieringConfiguration(configurations.get(state.bucket(ctx.principal(), request.bucket()), request.id())).build();
    }

    public DeleteBucketIntelligentTieringConfigurationResponse deleteBucketIntelligentTieringConfiguration(CallContext ctx,
            DeleteBucketIntelligentTieringConfigurationRequest request) {
        configurations.delete(state.bucket(ctx.principal(), request.bucket()), request.id());
        return DeleteBucketIntelligentTieringConfigurationResponse.builder().build();
    }

    public ListBucketIntelligentTieringConfigurationsResponse listBucketIntelligentTieringConfigurations(CallContext ctx,
            ListBucketIntelligentTieringConfigurationsRequest request) {
        NamedConfigurations.Page<IntelligentTieringConfiguration> page = configurations.list(state.bucket(ctx.principal(), request.bucket()),
                request.continuationToken());
        return ListBucketIntelligentTieringConfigurationsResponse.builder()
                .intelligentTieringConfigurationList(page.items())
                .isTruncated(page.nextToken() != null)
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.nextToken())
                .build();
    }
}
