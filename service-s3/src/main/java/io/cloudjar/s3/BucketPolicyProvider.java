package io.cloudjar.s3;

import io.cloudjar.core.auth.PolicyGrammar;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.PolicyStatus;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;

/**
 * Bucket policies: stored as given once {@link BucketPolicyRules} accepts them, and answered to the authorizer
 * (with each bucket's owner) as S3's {@link ResourcePolicies}. Only the owner account manages a bucket's policy:
 * another account gets 405 even when policies allow it, as S3 answers.
 */
public final class BucketPolicyProvider extends S3Feature {
    private ServiceContext context;

    @Override
    public void init(ServiceContext serviceContext) {
        super.init(serviceContext);
        this.context = serviceContext;
        serviceContext.addResourcePolicies(this::ownerAndPolicy);
    }

    public PutBucketPolicyResponse putBucketPolicy(CallContext ctx, PutBucketPolicyRequest request) {
        Bucket bucket = ownBucket(ctx, request.bucket(), "PUT");
        boolean isPublic = BucketPolicyRules.check(request.policy(), bucket.name(), context.lookup(PolicyGrammar.class))
                .map(BucketPolicyRules::isPublic).orElse(false);
        if (isPublic && PublicAccess.settings(state, bucket).blockPublicPolicy()) {
            throw S3Errors.accessDenied(); // S3's answer under BlockPublicPolicy, whoever asks
        }
        bucket.policy(request.policy());
        bucket.setting(PublicPolicy.class, new PublicPolicy(isPublic));
        return PutBucketPolicyResponse.builder().build();
    }

    public GetBucketPolicyResponse getBucketPolicy(CallContext ctx, GetBucketPolicyRequest request) {
        Bucket bucket = ownBucket(ctx, request.bucket(), "GET");
        return GetBucketPolicyResponse.builder().policy(policyOf(bucket)).build();
    }

    public DeleteBucketPolicyResponse deleteBucketPolicy(CallContext ctx, DeleteBucketPolicyRequest request) {
        Bucket bucket = ownBucket(ctx, request.bucket(), "DELETE");
        bucket.policy(null);
        bucket.setting(PublicPolicy.class, null);
        return DeleteBucketPolicyResponse.builder().build();
    }

    public GetBucketPolicyStatusResponse getBucketPolicyStatus(CallContext ctx, GetBucketPolicyStatusRequest request) {
        Bucket bucket = ownBucket(ctx, request.bucket(), "GET");
        String policy = policyOf(bucket);
        boolean isPublic = BucketPolicyRules.check(policy, bucket.name(), context.lookup(PolicyGrammar.class))
                .map(BucketPolicyRules::isPublic).orElse(false);
        return GetBucketPolicyStatusResponse.builder().policyStatus(PolicyStatus.builder().isPublic(isPublic).build()).build();
    }

    private Bucket ownBucket(CallContext ctx, String name, String method) {
        Bucket bucket = state.bucket(ctx.principal(), name);
        if (!ctx.principal().isAnonymous() && !bucket.ownerAccount().equals(ctx.accountId())) {
            throw S3Errors.methodNotAllowed(method);
        }
        return bucket;
    }

    private static String policyOf(Bucket bucket) {
        String policy = bucket.policy();
        if (policy == null) {
            throw S3Errors.noSuchBucketPolicy(bucket.name());
        }
        return policy;
    }

    /**
     * {@code arn:aws:s3:::bucket} and {@code arn:aws:s3:::bucket/key}: the bucket's owner, its policy, its ACLs'
     * public grants ({@link AclGrants}), and for an existing object its tags as {@code s3:ExistingObjectTag/<key>}
     * (the latest version's). Under RestrictPublicBuckets a public policy grants nothing (S3 then lets in only AWS
     * services and the owner's account, whose identity policies decide).
     */
    private Optional<ResourcePolicies.ResourcePolicy> ownerAndPolicy(String arn) {
        String prefix = "arn:aws:s3:::";
        if (!arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = arn.substring(prefix.length());
        int slash = rest.indexOf('/');
        Bucket bucket = state.named(slash < 0 ? rest : rest.substring(0, slash));
        if (bucket == null) {
            return Optional.empty();
        }
        String key = slash < 0 ? null : rest.substring(slash + 1);
        StoredObject object = key == null ? null : bucket.latest(key);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (object != null && !object.deleteMarker()) {
            object.tags().forEach((tag, value) -> keys.put("s3:ExistingObjectTag/" + tag, List.of(value)));
        }
        String policy = bucket.policy();
        PublicPolicy isPublic = bucket.setting(PublicPolicy.class);
        if (policy != null && isPublic != null && isPublic.value() && PublicAccess.settings(state, bucket).restrictPublicBuckets()) {
            policy = null;
        }
        return Optional.of(new ResourcePolicies.ResourcePolicy(bucket.ownerAccount(), policy, "BucketPolicy", keys,
                AclGrants.of(state, bucket, key)));
    }

    /** Whether the stored bucket policy is public (decided when it was put). */
    record PublicPolicy(boolean value) {
    }
}
