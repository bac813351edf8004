package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * DeleteObjects: up to 1,000 keys (or versions) in one call, each deleted as DeleteObject would, with a
 * per-key error instead of failing the call; quiet mode reports only the errors. Each key is authorized on its
 * own ({@code s3:DeleteObject} on {@code bucket/key}), so a key the caller may not delete is reported as
 * {@code AccessDenied} and the others are deleted.
 */
public final class DeleteObjectsProvider extends S3Feature {
    private static final int MAX_KEYS = 1000;

    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
    }

    public DeleteObjectsResponse deleteObjects(CallContext ctx, DeleteObjectsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        if (request.delete() == null || request.delete().objects().isEmpty()) {
            throw S3Errors.malformedXml();
        }
        List<ObjectIdentifier> targets = request.delete().objects();
        if (targets.size() > MAX_KEYS) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = Boolean.TRUE.equals(request.delete().quiet());
        List<DeletedObject> deleted = new ArrayList<>();
        List<S3Error> errors = new ArrayList<>();
        for (ObjectIdentifier target : targets) {
            if (!allowed(ctx, bucket, target)) {
                errors.add(S3Error.builder().key(target.key()).versionId(target.versionId()).code("AccessDenied")
                        .message("Access Denied").build());
                continue;
            }
            try {
                DeletedObject done = delete(ctx, bucket, target, request.bypassGovernanceRetention());
                if (!quiet) {
                    deleted.add(done);
                }
            } catch (AwsException e) {
                errors.add(S3Error.builder().key(target.key()).versionId(target.versionId()).code(e.code())
                        .message(e.getMessage()).build());
            }
        }
        return DeleteObjectsResponse.builder().deleted(deleted).errors(errors).build();
    }

    /** Each key is authorized as its own DeleteObject (DeleteObjectVersion) would be; a denied key is only reported. */
    private static boolean allowed(CallContext ctx, Bucket bucket, ObjectIdentifier target) {
        String action = target.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion";
        return ctx.allowed(action, "arn:aws:s3:::" + bucket.name() + "/" + (target.key() == null ? "" : target.key()), Map.of());
    }

    private DeletedObject delete(CallContext ctx, Bucket bucket, ObjectIdentifier target, Boolean bypassGovernance) {
        if (target.key() == null || target.key().isEmpty()) {
            throw S3Errors.invalidArgument("Invalid key", "Key", target.key());
        }
        DeletedObject.Builder done = DeletedObject.builder().key(target.key());
        if (target.versionId() == null) {
            StoredObject marker = writes.deleteLatest(bucket, target.key(), ctx.accountId());
            state.events().removed(bucket, target.key(), marker, null, ctx, state.clock().now(), "ObjectRemoved");
            if (marker != null) {
                done.deleteMarker(true).deleteMarkerVersionId(VersionIds.header(bucket, marker));
            }
            return done.build();
        }
        String versionId = VersionIds.parse(target.versionId());
        if (bucket.mfaDelete()) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("AccessDenied", "Mfa Authentication must be used for this request");
        }
        ObjectLocks.checkDeletable(ctx, bucket, target.key(), versionId, bypassGovernance);
        StoredObject removed = writes.deleteVersion(bucket, target.key(), versionId);
        if (removed != null) {
            state.events().removed(bucket, target.key(), null, removed, ctx, state.clock().now(), "ObjectRemoved");
        }
        done.versionId(target.versionId());
        if (removed != null && removed.deleteMarker()) {
            done.deleteMarker(true).deleteMarkerVersionId(target.versionId());
        }
        return done.build();
    }
}
