package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;

/** Object tag sets, per version: get, replace, delete. Tagging does not change an object's ETag or date. */
public final class TaggingProvider extends S3Feature {
    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
    }

    public GetObjectTaggingResponse getObjectTagging(CallContext ctx, GetObjectTaggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        return GetObjectTaggingResponse.builder().versionId(VersionIds.header(bucket, object))
                .tagSet(TagSets.toTags(object.tags())).build();
    }

    public PutObjectTaggingResponse putObjectTagging(CallContext ctx, PutObjectTaggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        if (request.tagging() == null) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = TagSets.fromTags(request.tagging().tagSet());
        StoredObject tagged = writes.update(bucket, request.key(), request.versionId(), o -> o.withTags(tags));
        state.events().record(bucket, "ObjectTagging:Put", tagged, ctx, state.clock().now());
        return PutObjectTaggingResponse.builder().versionId(VersionIds.header(bucket, tagged)).build();
    }

    public DeleteObjectTaggingResponse deleteObjectTagging(CallContext ctx, DeleteObjectTaggingRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        StoredObject untagged = writes.update(bucket, request.key(), request.versionId(), o -> o.withTags(Map.of()));
        state.events().record(bucket, "ObjectTagging:Delete", untagged, ctx, state.clock().now());
        return DeleteObjectTaggingResponse.builder().versionId(VersionIds.header(bucket, untagged)).build();
    }
}
