package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.s3.model.Bucket;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Owner;

/** S3 bucket lifecycle: create, head, locate, delete, list. */
public final class BucketsProvider extends S3Feature {
    private static final String US_EAST_1 = "us-east-1";
    private static final int MAX_BUCKETS = 10000;


    public CreateBucketResponse createBucket(CallContext ctx, CreateBucketRequest request) {
        String name = request.bucket();
        if (ctx.principal().isAnonymous() && state.policiesDecide()) {
            throw S3Errors.accessDenied(); // no policy can grant everyone a bucket of its own
        }
        if (!BucketNames.isValid(name)) {
            throw S3Errors.invalidBucketName(name);
        }
        String region = bucketRegion(ctx, request);
        Bucket created = new Bucket(name, ctx.accountId(), region, ctx.receivedAt());
        NewBucketDefaults.apply(created, request);
        Bucket existing = state.create(created);
        if (existing != null) {
            if (!existing.ownerAccount().equals(ctx.accountId())) {
                throw S3Errors.bucketAlreadyExists(name);
            }
            if (!US_EAST_1.equals(existing.region())) {
                throw S3Errors.bucketAlreadyOwnedByYou(name);
            }
            // us-east-1 keeps its legacy answer: re-creating your own bucket succeeds
        }
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    /** The bucket's region: the LocationConstraint, which must match the endpoint's region. */
    private static String bucketRegion(CallContext ctx, CreateBucketRequest request) {
        String constraint = request.createBucketConfiguration() == null ? null
                : request.createBucketConfiguration().locationConstraintAsString();
        String endpointRegion = ctx.region();
        if (constraint == null || constraint.isEmpty()) {
            if (!US_EAST_1.equals(endpointRegion)) {
                throw S3Errors.illegalLocationConstraint(null);
            }
            return US_EAST_1;
        }
        if (US_EAST_1.equals(constraint)) {
            throw S3Errors.invalidLocationConstraint(constraint);
        }
        String region = "EU".equals(constraint) ? "eu-west-1" : constraint;
        if (!region.equals(endpointRegion) && !US_EAST_1.equals(endpointRegion)) {
            throw S3Errors.illegalLocationConstraint(constraint);
        }
        if (io.cloudjar.core.regions.RegionCatalog.get(region) == null) {
            throw S3Errors.invalidLocationConstraint(constraint);
        }
        return region;
    }

    public HeadBucketResponse headBucket(CallContext ctx, HeadBucketRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return HeadBucketResponse.builder().bucketRegion(bucket.region()).accessPointAlias(false).build();
    }

    public GetBucketLocationResponse getBucketLocation(CallContext ctx, GetBucketLocationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetBucketLocationResponse.builder()
                .locationConstraint(US_EAST_1.equals(bucket.region()) ? null : bucket.region())
                .build();
    }

    public DeleteBucketResponse deleteBucket(CallContext ctx, DeleteBucketRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        if (!bucket.markDeletedIfEmpty()) {
            throw S3Errors.bucketNotEmpty(bucket.name());
        }
        bucket.uploads().values().forEach(u -> u.parts().values().forEach(p -> state.blobs().delete(p.blob())));
        state.remove(bucket);
        return DeleteBucketResponse.builder().build();
    }

    public ListBucketsResponse listBuckets(CallContext ctx, ListBucketsRequest request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        List<Bucket> owned = state.buckets().stream()
                .filter(b -> b.ownerAccount().equals(ctx.accountId()))
                .filter(b -> b.name().startsWith(prefix))
                .filter(b -> request.bucketRegion() == null || request.bucketRegion().equals(b.region()))
                .sorted(Comparator.comparing(Bucket::name))
                .toList();
        Integer max = request.maxBuckets();
        if (max != null && (max < 1 || max > MAX_BUCKETS)) {
            throw S3Errors.invalidArgument("Argument max-buckets must be an integer between 1 and 10000.", "max-buckets",
                    max.toString());
        }
        Pages.Page<Bucket> page = Pages.page(owned, Bucket::name, max, request.continuationToken(), token ->
                S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token));
        return ListBucketsResponse.builder()
                .buckets(page.items().stream().map(b -> software.amazon.awssdk.services.s3.model.Bucket.builder()
                        .name(b.name()).creationDate(b.created()).bucketRegion(b.region()).build()).toList())
                .owner(Owner.builder().id(CanonicalIds.of(ctx.accountId())).build())
                .continuationToken(page.nextToken())
                .prefix(request.prefix())
                .build();
    }
}
