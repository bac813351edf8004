package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.s3control.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.PutPublicAccessBlockResponse;

/**
 * Account-level Block Public Access (S3 Control's Get/Put/DeletePublicAccessBlock): kept per account and enforced
 * together with each bucket's own settings ({@link PublicAccess}: a flag set at either level applies). The account in
 * {@code x-amz-account-id} must be the caller's, as S3 Control answers AccessDenied for another account's.
 */
public final class AccountPublicAccessBlockProvider extends S3Feature {
    @Override
    public String api() {
        return "s3control";
    }

    public GetPublicAccessBlockResponse getPublicAccessBlock(CallContext ctx, GetPublicAccessBlockRequest request) {
        PublicAccessBlockConfiguration config = state.accountBlocks().get(account(ctx, request.accountId()));
        if (config == null) {
            throw AwsErrors.of("NoSuchPublicAccessBlockConfiguration", 404,
                    "The public access block configuration was not found").withDetail("AccountId", request.accountId());
        }
        return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(config).build();
    }

    public PutPublicAccessBlockResponse putPublicAccessBlock(CallContext ctx, PutPublicAccessBlockRequest request) {
        String account = account(ctx, request.accountId());
        PublicAccessBlockConfiguration given = request.publicAccessBlockConfiguration();
        if (given == null) {
            throw S3Errors.malformedXml();
        }
        // flags left out are false, as S3 stores them
        state.accountBlocks().put(account, PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(Boolean.TRUE.equals(given.blockPublicAcls()))
                .ignorePublicAcls(Boolean.TRUE.equals(given.ignorePublicAcls()))
                .blockPublicPolicy(Boolean.TRUE.equals(given.blockPublicPolicy()))
                .restrictPublicBuckets(Boolean.TRUE.equals(given.restrictPublicBuckets())).build());
        return PutPublicAccessBlockResponse.builder().build();
    }

    public DeletePublicAccessBlockResponse deletePublicAccessBlock(CallContext ctx, DeletePublicAccessBlockRequest request) {
        state.accountBlocks().remove(account(ctx, request.accountId()));
        return DeletePublicAccessBlockResponse.builder().build();
    }

    private static String account(CallContext ctx, String accountId) {
        if (accountId == null || !accountId.equals(ctx.accountId())) {
            throw AwsErrors.of("AccessDenied", 403, "Access Denied");
        }
        return accountId;
    }
}
