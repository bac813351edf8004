package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.StreamingOutput;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Single objects: put (streamed to disk), get and head (ranges, conditions), delete. */
public final class ObjectsProvider extends S3Feature {
    /** S3 keys are at most 1,024 bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1024;


    public PutObjectResponse putObject(RequestContext ctx, PutObjectRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        checkKey(request.key());
        StorageClasses.validate(request.storageClassAsString());
        ChecksumSpec checksum = ChecksumSpec.of(request.checksumAlgorithmAsString(), ChecksumMembers.of(request), ctx.payload());
        WrittenBlob blob = BodyWriter.write(state.blobs(), ctx.payload(), request.contentLength(), request.contentMD5(), checksum);
        ObjectMetadata metadata = new ObjectMetadata(request.contentType(), request.contentEncoding(), request.contentDisposition(),
                request.contentLanguage(), request.cacheControl(), request.expires() == null ? null : expiresHeader(request),
                request.websiteRedirectLocation(), request.storageClassAsString(), request.metadata());
        StoredObject object = new StoredObject(request.key(), null, blob.path(), blob.size(), BodyWriter.etag(blob.md5()),
                state.clock().now(), metadata, checksum.algorithm().name(), blob.checksum(), "FULL_OBJECT", 0);
        replace(bucket, object);
        PutObjectResponse.Builder response = PutObjectResponse.builder().eTag(object.etag()).serverSideEncryption("AES256")
                .checksumType(object.checksumType());
        ChecksumMembers.set((software.amazon.awssdk.core.SdkPojo) response, checksum.algorithm(), blob.checksum());
        return response.build();
    }

    /** Swaps the new object in; the replaced body is removed after the swap, never before. */
    void replace(Bucket bucket, StoredObject object) {
        StoredObject old = bucket.objects().put(object.key(), object);
        if (old != null) {
            state.blobs().delete(old.blob());
        }
    }

    public StreamingOutput<GetObjectResponse> getObject(RequestContext ctx, GetObjectRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        for (int attempt = 0; ; attempt++) {
            StoredObject obj = current(bucket, request.key());
            Preconditions.check(obj, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(), request.ifUnmodifiedSince());
            ByteRange range = ByteRange.parse(request.range(), obj.size());
            FileChannel channel;
            try {
                channel = state.blobs().open(obj.blob());
            } catch (NoSuchFileException replacedMeanwhile) {
                if (attempt < 3) {
                    continue; // a concurrent PUT swapped the object; read the new one
                }
                throw S3Errors.internalIo();
            } catch (IOException e) {
                throw S3Errors.internalIo();
            }
            GetObjectResponse response = ObjectResponses.get(obj, range, "ENABLED".equals(request.checksumModeAsString()), request);
            long offset = range == null ? 0 : range.start();
            long length = range == null ? obj.size() : range.length();
            return new StreamingOutput<>(response, new ResponseBody.FileSlice(channel, offset, length), range == null ? 0 : 206);
        }
    }

    public HeadObjectResponse headObject(RequestContext ctx, HeadObjectRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        StoredObject obj = current(bucket, request.key());
        Preconditions.check(obj, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(), request.ifUnmodifiedSince());
        ByteRange range = ByteRange.parse(request.range(), obj.size());
        return ObjectResponses.head(obj, range, "ENABLED".equals(request.checksumModeAsString()));
    }

    public DeleteObjectResponse deleteObject(RequestContext ctx, DeleteObjectRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        StoredObject removed = bucket.objects().remove(request.key());
        if (removed != null) {
            state.blobs().delete(removed.blob());
        }
        return DeleteObjectResponse.builder().build();
    }

    private static StoredObject current(Bucket bucket, String key) {
        StoredObject obj = bucket.objects().get(key);
        if (obj == null) {
            throw S3Errors.noSuchKey(key);
        }
        return obj;
    }

    static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw AwsErrors.of("KeyTooLongError", 400, "Your key is too long")
                    .withDetail("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        }
    }

    private static String expiresHeader(PutObjectRequest request) {
        return io.cloudjar.core.http.HttpDates.format(request.expires());
    }


}
