package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsResponse;

/**
 * Object Ownership. New buckets are BucketOwnerEnforced (ACLs disabled, S3's default since April 2023) unless
 * created with {@code x-amz-object-ownership}; a bucket whose controls were deleted behaves as ObjectWriter.
 */
public final class OwnershipControlsProvider extends S3Feature {

    public PutBucketOwnershipControlsResponse putBucketOwnershipControls(CallContext ctx,
            PutBucketOwnershipControlsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        OwnershipControls controls = request.ownershipControls();
        if (controls == null || controls.rules().size() != 1 || controls.rules().get(0).objectOwnership() == null
                || controls.rules().get(0).objectOwnership() == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        set(bucket, controls.rules().get(0).objectOwnership());
        return PutBucketOwnershipControlsResponse.builder().build();
    }

    public GetBucketOwnershipControlsResponse getBucketOwnershipControls(CallContext ctx,
            GetBucketOwnershipControlsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetBucketOwnershipControlsResponse.builder().ownershipControls(BucketSettings.required(bucket,
                OwnershipControls.class, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found"))
                .build();
    }

    public DeleteBucketOwnershipControlsResponse deleteBucketOwnershipControls(CallContext ctx,
            DeleteBucketOwnershipControlsRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(OwnershipControls.class, null);
        return DeleteBucketOwnershipControlsResponse.builder().build();
    }

    /** Sets a bucket's ownership; BucketOwnerEnforced is refused while the bucket ACL grants anyone but the owner. */
    static void set(Bucket bucket, ObjectOwnership ownership) {
        AccessControlPolicy acl = bucket.setting(AccessControlPolicy.class);
        if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && acl != null && !Acls.ownerOnly(acl, bucket.ownerAccount())) {
            throw AwsErrors.of("InvalidBucketAclWithObjectOwnership", 400,
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
        bucket.setting(OwnershipControls.class, OwnershipControls.builder()
                .rules(OwnershipControlsRule.builder().objectOwnership(ownership).build()).build());
    }

    /** True when the bucket's ACLs are disabled (BucketOwnerEnforced): they are not evaluated and cannot be set. */
    static boolean aclsDisabled(Bucket bucket) {
        OwnershipControls controls = bucket.setting(OwnershipControls.class);
        return controls != null && controls.rules().get(0).objectOwnership() == ObjectOwnership.BUCKET_OWNER_ENFORCED;
    }
}
