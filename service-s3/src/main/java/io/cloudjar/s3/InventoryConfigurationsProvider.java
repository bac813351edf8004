package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketInventoryConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketInventoryConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketInventoryConfigurationResponse;

/** inventory reports configurations of a bucket, by id: stored and answered back (nothing is produced from them). */
public final class InventoryConfigurationsProvider extends S3Feature {
    private final NamedConfigurations<InventoryConfiguration> configurations = new NamedConfigurations<>(InventoryConfiguration.class);

    public PutBucketInventoryConfigurationResponse putBucketInventoryConfiguration(CallContext ctx,
            PutBucketInventoryConfigurationRequest request) {
        InventoryConfiguration config = request.inventoryConfiguration();
        configurations.put(state.bucket(ctx.principal(), request.bucket()), request.id(), config == null ? null : config.id(),
                config);
        return PutBucketInventoryConfigurationResponse.builder().build();
    }

    public GetBucketInventoryConfigurationResponse getBucketInventoryConfiguration(CallContext ctx,
            GetBucketInventoryConfigurationRequest request) {
        return GetBucketInventoryConfigurationResponse.builder()
                .inventoryConfiguration(configurations.get(state.bucket(ctx.principal(), request.bucket()), request.id())).build();
    }

    public DeleteBucketInventoryConfigurationResponse deleteBucketInventoryConfiguration(CallContext ctx,
            DeleteBucketInventoryConfigurationRequest request) {
        configurations.delete(state.bucket(ctx.principal(), request.bucket()), request.id());
        return DeleteBucketInventoryConfigurationResponse.builder().build();
    }

    public ListBucketInventoryConfigurationsResponse listBucketInventoryConfigurations(CallContext ctx,
            ListBucketInventoryConfigurationsRequest request) {
        NamedConfigurations.Page<InventoryConfiguration> page = configurations.list(state.bucket(ctx.principal(), request.bucket()),
                request.continuationToken());
        return ListBucketInventoryConfigurationsResponse.builder()
                .inventoryConfigurationList(page.items())
                .isTruncated(page.nextToken() != null)
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.nextToken())
                .build();
    }
}
