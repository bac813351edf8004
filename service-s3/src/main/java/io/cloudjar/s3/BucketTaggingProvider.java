package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/** Bucket tags: up to 50, keys up to 128 characters, values up to 256, no {@code aws:} keys; a Put replaces the set. */
public final class BucketTaggingProvider extends S3Feature {
    private static final int MAX_TAGS = 50;

    public PutBucketTaggingResponse putBucketTagging(CallContext ctx, PutBucketTaggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        Tagging tagging = request.tagging();
        if (tagging == null) {
            throw S3Errors.malformedXml();
        }
        if (tagging.tagSet().size() > MAX_TAGS) {
            throw invalidTag("Bucket tag count cannot be greater than 50", null);
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tagging.tagSet()) {
            if (tag.key() == null || tag.value() == null) {
                throw S3Errors.malformedXml();
            }
            if (tag.key().isEmpty() || tag.key().codePointCount(0, tag.key().length()) > 128) {
                throw invalidTag("The TagKey you have provided is invalid", tag.key());
            }
            if (tag.value().codePointCount(0, tag.value().length()) > 256) {
                throw invalidTag("The TagValue you have provided is invalid", tag.key());
            }
            if (tag.key().startsWith("aws:")) {
                throw invalidTag("System tags cannot be added/updated by requester", tag.key());
            }
            if (!keys.add(tag.key())) {
                throw invalidTag("Cannot provide multiple Tags with the same key", tag.key());
            }
        }
        bucket.setting(Tagging.class, tagging);
        return PutBucketTaggingResponse.builder().build();
    }

    public GetBucketTaggingResponse getBucketTagging(CallContext ctx, GetBucketTaggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        Tagging tagging = BucketSettings.required(bucket, Tagging.class, "NoSuchTagSet", "The TagSet does not exist");
        return GetBucketTaggingResponse.builder().tagSet(tagging.tagSet()).build();
    }

    public DeleteBucketTaggingResponse deleteBucketTagging(CallContext ctx, DeleteBucketTaggingRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(Tagging.class, null);
        return DeleteBucketTaggingResponse.builder().build();
    }

    private static io.cloudjar.core.errors.AwsException invalidTag(String message, String key) {
        return AwsErrors.of("InvalidTag", 400, "%s", message).withDetail("TagKey", key);
    }
}
