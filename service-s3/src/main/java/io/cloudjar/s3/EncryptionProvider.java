package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.BlockedEncryptionTypes;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Default bucket encryption. Since January 2023 every bucket has SSE-S3 by default, so a bucket never configured or
 * whose configuration was deleted answers AES256 (S3 no longer answers ServerSideEncryptionConfigurationNotFoundError).
 * Since April 2026 new buckets block SSE-C uploads ({@code BlockedEncryptionTypes} SSE-C); a Put naming NONE unblocks
 * them, a Put without the element keeps what the bucket had.
 */
public final class EncryptionProvider extends S3Feature {
    private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    static final ServerSideEncryptionConfiguration SSE_S3 = ServerSideEncryptionConfiguration.builder()
            .rules(ServerSideEncryptionRule.builder().bucketKeyEnabled(false)
                    .applyServerSideEncryptionByDefault(ServerSideEncryptionByDefault.builder()
                            .sseAlgorithm(ServerSideEncryption.AES256).build()).build())
            .build();

    public PutBucketEncryptionResponse putBucketEncryption(CallContext ctx, PutBucketEncryptionRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ServerSideEncryptionConfiguration config = request.serverSideEncryptionConfiguration();
        if (config == null || config.rules().size() != 1) {
            throw S3Errors.malformedXml();
        }
        ServerSideEncryptionByDefault byDefault = config.rules().get(0).applyServerSideEncryptionByDefault();
        if (byDefault == null || !ALGORITHMS.contains(byDefault.sseAlgorithmAsString())) {
            throw S3Errors.malformedXml();
        }
        if (byDefault.kmsMasterKeyID() != null && byDefault.sseAlgorithm() == ServerSideEncryption.AES256) {
            throw S3Errors.invalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or "
                    + "aws:kms:dsse", "ApplyServerSideEncryptionByDefault", byDefault.kmsMasterKeyID());
        }
        ServerSideEncryptionRule rule = config.rules().get(0);
        BlockedEncryptionTypes blocked = rule.blockedEncryptionTypes();
        if (blocked != null) {
            if (blocked.encryptionType().contains(EncryptionType.UNKNOWN_TO_SDK_VERSION)) {
                throw S3Errors.malformedXml();
            }
            bucket.setting(CustomerKeysAllowed.class, blocked.encryptionType().contains(EncryptionType.SSE_C)
                    ? null : new CustomerKeysAllowed());
        }
        bucket.setting(ServerSideEncryptionConfiguration.class, config.toBuilder().rules(rule.toBuilder()
                .bucketKeyEnabled(rule.bucketKeyEnabled() != null ? rule.bucketKeyEnabled() : Boolean.FALSE)
                .blockedEncryptionTypes((BlockedEncryptionTypes) null).build()).build());
        return PutBucketEncryptionResponse.builder().build();
    }

    public GetBucketEncryptionResponse getBucketEncryption(CallContext ctx, GetBucketEncryptionRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ServerSideEncryptionConfiguration config = of(bucket);
        ServerSideEncryptionRule rule = config.rules().get(0).toBuilder().blockedEncryptionTypes(b -> b.encryptionType(
                blocksCustomerKeys(bucket) ? EncryptionType.SSE_C : EncryptionType.NONE)).build();
        return GetBucketEncryptionResponse.builder()
                .serverSideEncryptionConfiguration(config.toBuilder().rules(rule).build()).build();
    }

    /** True unless a Put unblocked SSE-C uploads (the default of buckets created since April 2026). */
    static boolean blocksCustomerKeys(Bucket bucket) {
        return bucket.setting(CustomerKeysAllowed.class) == null;
    }

    /** Present when the bucket's encryption configuration unblocked SSE-C ({@code BlockedEncryptionTypes} NONE). */
    record CustomerKeysAllowed() {
    }

    public DeleteBucketEncryptionResponse deleteBucketEncryption(CallContext ctx, DeleteBucketEncryptionRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(ServerSideEncryptionConfiguration.class, null);
        return DeleteBucketEncryptionResponse.builder().build();
    }

    /** The bucket's default encryption: as configured, else SSE-S3. */
    static ServerSideEncryptionConfiguration of(Bucket bucket) {
        ServerSideEncryptionConfiguration config = bucket.setting(ServerSideEncryptionConfiguration.class);
        return config == null ? SSE_S3 : config;
    }
}
