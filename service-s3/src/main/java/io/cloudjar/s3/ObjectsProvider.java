package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.Reply;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.s3.CustomerKeys.CustomerKey;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.RequestedLock;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Single objects: put (streamed to disk, conditional), get and head (versions, ranges, parts, conditions), delete. */
public final class ObjectsProvider extends S3Feature {
    /** S3 keys are at most 1,024 bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1024;

    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
    }

    public PutObjectResponse putObject(CallContext ctx, PutObjectRequest request, StreamingPayload body) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        checkKey(request.key());
        var metadata = MetadataMembers.of(request);
        var tags = TagSets.fromHeader(request.tagging());
        var acl = AclProvider.forUpload(state, bucket, request.aclAsString(), request.grantFullControl(), request.grantRead(),
                request.grantReadACP(), request.grantWriteACP(), ctx.accountId());
        WriteConditions conditions = new WriteConditions(request.ifMatch(), request.ifNoneMatch());
        conditions.check(request.key(), bucket.latest(request.key())); // fail before the upload; checked again at the swap
        CustomerKey customerKey = CustomerKeys.of(request, "");
        ObjectEncryption encryption = ServerSideEncryptions.forUpload(bucket, request, customerKey, ctx.accountId(), bucket.region());
        RequestedLock lock = ObjectLocks.requested(bucket, request, state.clock().now()); // refused before the body is read
        ChecksumSpec checksum = ChecksumSpec.of(request.checksumAlgorithmAsString(), ChecksumMembers.of(request), body);
        WrittenBlob blob = BodyWriter.write(state.blobs(), body, request.contentLength(), request.contentMD5(), checksum);
        Path stored = customerKey == null ? blob.path() : CustomerKeys.encrypt(state.blobs(), blob.path(), customerKey, encryption.iv());
        StoredObject object = new StoredObject(request.key(), VersionIds.next(bucket), false, stored, blob.size(),
                BodyWriter.etag(blob.md5()), state.clock().now(), metadata, checksum.algorithm().name(), blob.checksum(),
                "FULL_OBJECT", null, tags, ctx.accountId(), null);
        if (acl != null) {
            bucket.objectAcls().put(stored, acl); // before the commit, so no reader sees the version without it
        }
        ServerSideEncryptions.remember(bucket, stored, encryption);
        ObjectLocks.apply(bucket, stored, lock, state.clock().now());
        writes.commit(bucket, object, conditions);
        state.events().record(bucket, "ObjectCreated:Put", object, ctx, state.clock().now());
        PutObjectResponse.Builder response = PutObjectResponse.builder().eTag(object.etag())
                .checksumType(object.checksumType()).versionId(object.versionId());
        ServerSideEncryptions.report((SdkPojo) response, encryption);
        ChecksumMembers.set((SdkPojo) response, checksum.algorithm(), blob.checksum());
        return response.build();
    }

    public Reply<GetObjectResponse> getObject(CallContext ctx, GetObjectRequest request) {
        ObjectResponses.Overrides overrides = ObjectResponses.Overrides.of(request).allowedFor(ctx.principal());
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        for (int attempt = 0; ; attempt++) {
            ObjectReads read = ObjectReads.plan(bucket, new ObjectReads.Request(request.key(), request.versionId(),
                    request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(), request.ifUnmodifiedSince(),
                    request.range(), request.partNumber()));
            StoredObject obj = read.object();
            StorageClasses.checkReadable(obj, state.clock().now());
            ObjectEncryption encryption = ServerSideEncryptions.of(bucket, obj);
            CustomerKey customerKey = CustomerKeys.checkRead(encryption, CustomerKeys.of(request, ""));
            FileChannel channel;
            try {
                channel = state.blobs().open(obj.blob());
                if (customerKey != null) {
                    channel = CustomerKeys.decrypt(state.blobs(), channel, customerKey, encryption, obj);
                }
            } catch (NoSuchFileException replacedMeanwhile) {
                if (attempt < 3) {
                    continue; // a concurrent PUT swapped the object; read the new one
                }
                throw S3Errors.internalIo();
            } catch (IOException e) {
                throw S3Errors.internalIo();
            }
            try {
                GetObjectResponse response = ObjectResponses.get(bucket, read,
                        ObjectResponses.checksumMode(request.checksumModeAsString()), state.clock().now(), overrides);
                ByteRange range = read.range();
                long offset = range == null ? 0 : range.start();
                long length = range == null ? obj.size() : range.length();
                return Reply.withFile(response, channel, offset, length);
            } catch (RuntimeException | Error e) {
                closeQuietly(channel); // the reply that would have closed it is not made
                throw e;
            }
        }
    }

    public HeadObjectResponse headObject(CallContext ctx, HeadObjectRequest request) {
        ObjectResponses.Overrides overrides = ObjectResponses.Overrides.of(request).allowedFor(ctx.principal());
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ObjectReads read = ObjectReads.plan(bucket, new ObjectReads.Request(request.key(), request.versionId(),
                request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(), request.ifUnmodifiedSince(),
                request.range(), request.partNumber()));
        CustomerKeys.checkRead(ServerSideEncryptions.of(bucket, read.object()), CustomerKeys.of(request, ""));
        return ObjectResponses.head(bucket, read, ObjectResponses.checksumMode(request.checksumModeAsString()), state.clock().now(),
                overrides);
    }

    public DeleteObjectResponse deleteObject(CallContext ctx, DeleteObjectRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        DeleteObjectResponse.Builder response = DeleteObjectResponse.builder();
        if (request.versionId() == null) {
            StoredObject marker = writes.deleteLatest(bucket, request.key(), ctx.accountId());
            state.events().removed(bucket, request.key(), marker, null, ctx, state.clock().now(), "ObjectRemoved");
            if (marker != null) {
                response.deleteMarker(true).versionId(VersionIds.header(bucket, marker));
            }
            return response.build();
        }
        String versionId = VersionIds.parse(request.versionId());
        if (bucket.mfaDelete() && request.mfa() == null) {
            throw AwsErrors.modeled("AccessDenied", "Mfa Authentication must be used for this request");
        }
        ObjectLocks.checkDeletable(ctx, bucket, request.key(), versionId, request.bypassGovernanceRetention());
        StoredObject removed = writes.deleteVersion(bucket, request.key(), versionId);
        if (removed != null) {
            state.events().removed(bucket, request.key(), null, removed, ctx, state.clock().now(), "ObjectRemoved");
        }
        response.versionId(request.versionId());
        if (removed != null && removed.deleteMarker()) {
            response.deleteMarker(true);
        }
        return response.build();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only file: nothing was lost
        }
    }

    static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw AwsErrors.of("KeyTooLongError", 400, "Your key is too long")
                    .withDetail("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        }
    }
}
