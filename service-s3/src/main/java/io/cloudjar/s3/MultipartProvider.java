package io.cloudjar.s3;

import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.model.MultipartUpload.Part;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import java.io.IOException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart uploads: create, upload parts (streamed to disk), complete into one object, abort. */
public final class MultipartProvider extends S3Feature {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PARTS = 10000;

    private ObjectsProvider objects;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        objects = new ObjectsProvider();
        objects.init(context);
    }

    public CreateMultipartUploadResponse createMultipartUpload(RequestContext ctx, CreateMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        ObjectsProvider.checkKey(request.key());
        StorageClasses.validate(request.storageClassAsString());
        ObjectMetadata metadata = new ObjectMetadata(request.contentType(), request.contentEncoding(), request.contentDisposition(),
                request.contentLanguage(), request.cacheControl(), null, request.websiteRedirectLocation(),
                request.storageClassAsString(), request.metadata());
        String uploadId = Ids.hex(32) + Ids.hex(32);
        bucket.uploads().put(uploadId, new MultipartUpload(uploadId, request.key(), state.clock().now(), metadata,
                request.checksumAlgorithmAsString(), ctx.accountId(), new ConcurrentSkipListMap<>()));
        return CreateMultipartUploadResponse.builder().bucket(bucket.name()).key(request.key()).uploadId(uploadId)
                .serverSideEncryption("AES256").checksumAlgorithm(request.checksumAlgorithmAsString())
                .checksumType(request.checksumAlgorithm() == null ? null : "COMPOSITE").build();
    }

    public UploadPartResponse uploadPart(RequestContext ctx, UploadPartRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        MultipartUpload upload = upload(bucket, request.uploadId(), request.key());
        int number = request.partNumber();
        if (number < 1 || number > MAX_PARTS) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber",
                    Integer.toString(number));
        }
        String algorithm = request.checksumAlgorithmAsString() != null ? request.checksumAlgorithmAsString() : upload.checksumAlgorithm();
        ChecksumSpec checksum = ChecksumSpec.of(algorithm, ChecksumMembers.of(request), ctx.payload());
        WrittenBlob blob = BodyWriter.write(state.blobs(), ctx.payload(), request.contentLength(), request.contentMD5(), checksum);
        Part part = new Part(number, blob.path(), blob.size(), BodyWriter.etag(blob.md5()), state.clock().now(),
                checksum.clientProvided() ? blob.checksum() : null);
        Part replaced = upload.parts().put(number, part);
        if (replaced != null) {
            state.blobs().delete(replaced.blob());
        }
        if (!bucket.uploads().containsKey(upload.uploadId())) { // aborted or completed while we wrote
            state.blobs().delete(blob.path());
            throw S3Errors.noSuchUpload(upload.uploadId());
        }
        UploadPartResponse.Builder response = UploadPartResponse.builder().eTag(part.etag()).serverSideEncryption("AES256");
        ChecksumMembers.set((software.amazon.awssdk.core.SdkPojo) response, checksum.algorithm(), part.checksum());
        return response.build();
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(RequestContext ctx, CompleteMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        MultipartUpload upload = upload(bucket, request.uploadId(), request.key());
        List<CompletedPart> requested = request.multipartUpload() == null ? List.of() : request.multipartUpload().parts();
        if (requested.isEmpty()) {
            throw io.cloudjar.core.errors.AwsErrors.of("MalformedXML", 400,
                    "The XML you provided was not well-formed or did not validate against our published schema");
        }
        List<Part> parts = new ArrayList<>();
        int previous = 0;
        for (CompletedPart wanted : requested) {
            int number = wanted.partNumber() == null ? 0 : wanted.partNumber();
            if (number <= previous) {
                throw S3Errors.invalidPartOrder();
            }
            previous = number;
            Part part = upload.parts().get(number);
            if (part == null || (wanted.eTag() != null && !Preconditions.etagMatches(wanted.eTag(), part.etag()))) {
                throw S3Errors.invalidPart(number);
            }
            parts.add(part);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).size() < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall(parts.get(i).size());
            }
        }
        if (bucket.uploads().remove(upload.uploadId()) == null) {
            throw S3Errors.noSuchUpload(upload.uploadId()); // completed or aborted by a concurrent call
        }
        WrittenBlob blob;
        try {
            blob = state.blobs().concatenate(parts.stream().map(Part::blob).toList(), null);
        } catch (IOException e) {
            throw S3Errors.internalIo();
        }
        String etag = "\"" + HexFormat.of().formatHex(md5OfMd5s(parts)) + "-" + parts.size() + "\"";
        StoredObject object = new StoredObject(upload.key(), null, blob.path(), blob.size(), etag, state.clock().now(),
                upload.metadata(), null, null, null, parts.size());
        objects.replace(bucket, object);
        upload.parts().values().forEach(p -> state.blobs().delete(p.blob()));
        return CompleteMultipartUploadResponse.builder()
                .location("/" + bucket.name() + "/" + upload.key())
                .bucket(bucket.name()).key(upload.key()).eTag(etag).serverSideEncryption("AES256").build();
    }

    public AbortMultipartUploadResponse abortMultipartUpload(RequestContext ctx, AbortMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx, request.bucket());
        MultipartUpload upload = bucket.uploads().remove(request.uploadId());
        if (upload == null || !upload.key().equals(request.key())) {
            throw S3Errors.noSuchUpload(request.uploadId());
        }
        upload.parts().values().forEach(p -> state.blobs().delete(p.blob()));
        return AbortMultipartUploadResponse.builder().build();
    }

    private static MultipartUpload upload(Bucket bucket, String uploadId, String key) {
        MultipartUpload upload = bucket.uploads().get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    /** A multipart ETag is the MD5 of the parts' binary MD5s, then "-" and the part count. */
    private static byte[] md5OfMd5s(List<Part> parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (Part part : parts) {
                md5.update(HexFormat.of().parseHex(part.etag().replace("\"", "")));
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
