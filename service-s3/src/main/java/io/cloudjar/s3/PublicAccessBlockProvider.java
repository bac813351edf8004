package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;

/**
 * A bucket's Block Public Access settings. New buckets get all four on (S3's default since April 2023); a flag left
 * out of a Put is off. {@link PublicAccess} applies them.
 */
public final class PublicAccessBlockProvider extends S3Feature {

    public PutPublicAccessBlockResponse putPublicAccessBlock(CallContext ctx, PutPublicAccessBlockRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        PublicAccessBlockConfiguration config = request.publicAccessBlockConfiguration();
        if (config == null) {
            throw S3Errors.malformedXml();
        }
        if (config.blockPublicAcls() == null && config.ignorePublicAcls() == null && config.blockPublicPolicy() == null
                && config.restrictPublicBuckets() == null) {
            throw S3Errors.invalidRequest("Must specify at least one configuration.");
        }
        bucket.setting(PublicAccessBlockConfiguration.class, PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(Boolean.TRUE.equals(config.blockPublicAcls()))
                .ignorePublicAcls(Boolean.TRUE.equals(config.ignorePublicAcls()))
                .blockPublicPolicy(Boolean.TRUE.equals(config.blockPublicPolicy()))
                .restrictPublicBuckets(Boolean.TRUE.equals(config.restrictPublicBuckets()))
                .build());
        return PutPublicAccessBlockResponse.builder().build();
    }

    public GetPublicAccessBlockResponse getPublicAccessBlock(CallContext ctx, GetPublicAccessBlockRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(BucketSettings.required(bucket,
                PublicAccessBlockConfiguration.class, "NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found")).build();
    }

    public DeletePublicAccessBlockResponse deletePublicAccessBlock(CallContext ctx, DeletePublicAccessBlockRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(PublicAccessBlockConfiguration.class, null);
        return DeletePublicAccessBlockResponse.builder().build();
    }
}
