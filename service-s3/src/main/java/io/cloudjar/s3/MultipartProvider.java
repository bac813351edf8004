package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.core.util.Ids;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.MultipartUpload.Part;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart uploads: create, upload parts (streamed to disk or copied from an object), abort. */
public final class MultipartProvider extends S3Feature {
    private static final int MAX_PARTS = 10000;

    public CreateMultipartUploadResponse createMultipartUpload(CallContext ctx, CreateMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ObjectsProvider.checkKey(request.key());
        var metadata = MetadataMembers.of(request);
        var tags = TagSets.fromHeader(request.tagging());
        String algorithm = checksumAlgorithm(request.checksumAlgorithmAsString());
        String type = checksumType(algorithm, request.checksumTypeAsString());
        ObjectEncryption encryption = ServerSideEncryptions.forUpload(bucket, request, CustomerKeys.of(request, ""),
                ctx.accountId(), bucket.region());
        String uploadId = Ids.hex(32) + Ids.hex(32);
        bucket.uploads().put(uploadId, new MultipartUpload(uploadId, request.key(), state.clock().now(), metadata, algorithm,
                type, tags, ctx.accountId(), encryption, ObjectLocks.requested(bucket, request, state.clock().now()),
                new ConcurrentSkipListMap<>()));
        CreateMultipartUploadResponse.Builder response = CreateMultipartUploadResponse.builder().bucket(bucket.name())
                .key(request.key()).uploadId(uploadId).checksumAlgorithm(algorithm).checksumType(type);
        ServerSideEncryptions.report((SdkPojo) response, encryption);
        LifecycleRunner.abortRule(bucket, request.key()).ifPresent(rule -> response.abortRuleId(rule.id())
                .abortDate(LifecycleRunner.midnightAfter(state.clock().now(), rule.abortIncompleteMultipartUpload().daysAfterInitiation())));
        return response.build();
    }

    public UploadPartResponse uploadPart(CallContext ctx, UploadPartRequest request, StreamingPayload body) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        MultipartUpload upload = upload(bucket, request.uploadId(), request.key());
        int number = partNumber(request.partNumber());
        ChecksumSpec checksum = ChecksumSpec.of(request.checksumAlgorithmAsString(), ChecksumMembers.of(request), body);
        ChecksumAlgorithms required = ChecksumAlgorithms.fromName(upload.checksumAlgorithm());
        if (required != null && checksum.clientProvided() && checksum.algorithm() != required) {
            throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                    + required.name().toLowerCase() + ", actual checksum Type: " + checksum.algorithm().name().toLowerCase());
        }
        if (required != null && !checksum.clientProvided()) {
            checksum = new ChecksumSpec(required, null, true); // the part is still summed with the upload's algorithm
        }
        CustomerKeys.CustomerKey key = CustomerKeys.checkPart(upload.encryption(), CustomerKeys.of(request, ""));
        WrittenBlob blob = BodyWriter.write(state.blobs(), body, request.contentLength(), request.contentMD5(), checksum);
        Part part = addPart(bucket, upload, number, encrypted(blob, key, upload, number), checksum.clientProvided() ? blob.checksum() : null);
        UploadPartResponse.Builder response = UploadPartResponse.builder().eTag(part.etag());
        ServerSideEncryptions.report((SdkPojo) response, upload.encryption());
        ChecksumMembers.set((SdkPojo) response, checksum.algorithm(), part.checksum());
        return response.build();
    }

    public UploadPartCopyResponse uploadPartCopy(CallContext ctx, UploadPartCopyRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.destinationBucket());
        MultipartUpload upload = upload(bucket, request.uploadId(), request.destinationKey());
        int number = partNumber(request.partNumber());
        CopySource source = CopySource.parse(request.copySource());
        CustomerKeys.CustomerKey key = CustomerKeys.checkPart(upload.encryption(), CustomerKeys.of(request, ""));
        StoredObject from;
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(upload.checksumAlgorithm());
        WrittenBlob blob;
        try (OpenedSource opened = OpenedSource.open(state, ctx, source, found -> CopySource.checkConditions(found,
                request.copySourceIfMatch(), request.copySourceIfNoneMatch(), request.copySourceIfModifiedSince(),
                request.copySourceIfUnmodifiedSince()), request)) {
            from = opened.object();
            ByteRange range = copyRange(request.copySourceRange(), from.size());
            blob = state.blobs().copy(opened.body(), range == null ? 0 : range.start(), range == null ? from.size() : range.length(),
                    algorithm, true);
        } catch (IOException e) {
            throw S3Errors.internalIo();
        }
        Part part = addPart(bucket, upload, number, encrypted(blob, key, upload, number), blob.checksum());
        CopyPartResult.Builder result = CopyPartResult.builder().eTag(part.etag()).lastModified(part.lastModified());
        ChecksumMembers.set((SdkPojo) result, algorithm, part.checksum());
        UploadPartCopyResponse.Builder response = UploadPartCopyResponse.builder().copyPartResult(result.build())
                .copySourceVersionId(source.versionId() == null ? from.versionId() : source.versionId());
        ServerSideEncryptions.report((SdkPojo) response, upload.encryption());
        return response.build();
    }

    /** A part of an SSE-C upload is stored encrypted with the key, under its own counter block. */
    private WrittenBlob encrypted(WrittenBlob blob, CustomerKeys.CustomerKey key, MultipartUpload upload, int number) {
        if (key == null) {
            return blob;
        }
        Path stored = CustomerKeys.encrypt(state.blobs(), blob.path(), key, CustomerKeys.partIv(upload.encryption().iv(), number));
        return new WrittenBlob(stored, blob.size(), blob.md5(), blob.checksum());
    }

    public AbortMultipartUploadResponse abortMultipartUpload(CallContext ctx, AbortMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        MultipartUpload upload = bucket.uploads().get(request.uploadId());
        if (upload == null || !upload.key().equals(request.key())) {
            throw S3Errors.noSuchUpload(request.uploadId());
        }
        if (!discard(state, bucket, upload)) {
            throw S3Errors.noSuchUpload(request.uploadId());
        }
        return AbortMultipartUploadResponse.builder().build();
    }

    /** Ends an upload and removes its parts (an abort, or lifecycle's); false when it had ended already. */
    static boolean discard(S3State state, Bucket bucket, MultipartUpload upload) {
        synchronized (upload.parts()) {
            if (!bucket.uploads().remove(upload.uploadId(), upload)) {
                return false;
            }
        }
        upload.parts().values().forEach(p -> state.blobs().delete(p.blob()));
        return true;
    }

    private Part addPart(Bucket bucket, MultipartUpload upload, int number, WrittenBlob blob, String checksum) {
        Part part = new Part(number, blob.path(), blob.size(), BodyWriter.etag(blob.md5()), state.clock().now(), checksum);
        Part replaced;
        synchronized (upload.parts()) { // see MultipartUpload: parts change only while the upload is live
            if (bucket.uploads().get(upload.uploadId()) != upload) { // aborted or completed while we wrote
                state.blobs().delete(blob.path());
                throw S3Errors.noSuchUpload(upload.uploadId());
            }
            replaced = upload.parts().put(number, part);
        }
        if (replaced != null) {
            state.blobs().delete(replaced.blob());
        }
        return part;
    }

    static MultipartUpload upload(Bucket bucket, String uploadId, String key) {
        MultipartUpload upload = bucket.uploads().get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    private static int partNumber(Integer number) {
        if (number == null || number < 1 || number > MAX_PARTS) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber",
                    String.valueOf(number));
        }
        return number;
    }

    /** {@code bytes=first-last}, both required and inside the source. */
    private static ByteRange copyRange(String header, long size) {
        if (header == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(header.trim());
        if (!m.matches()) {
            throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last where "
                    + "first and last are the zero-based offsets of the first and last bytes to copy", "x-amz-copy-source-range", header);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first > last || last >= size) {
            throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + size,
                    "x-amz-copy-source-range", header);
        }
        return new ByteRange(first, last);
    }

    private static String checksumAlgorithm(String name) {
        if (name != null && ChecksumAlgorithms.fromName(name) == null) {
            throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid "
                    + "types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        return name == null ? null : ChecksumAlgorithms.fromName(name).name();
    }

    /** CRC64NVME only combines as a full-object checksum; SHA digests only as composite ones. */
    private static String checksumType(String algorithm, String requested) {
        if (requested == null) {
            return algorithm == null ? null : "CRC64NVME".equals(algorithm) ? "FULL_OBJECT" : "COMPOSITE";
        }
        if (algorithm == null) {
            throw S3Errors.invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        boolean sha = algorithm.startsWith("SHA");
        if (("FULL_OBJECT".equals(requested) && sha) || ("COMPOSITE".equals(requested) && "CRC64NVME".equals(algorithm))
                || (!"FULL_OBJECT".equals(requested) && !"COMPOSITE".equals(requested))) {
            throw S3Errors.invalidRequest("The " + requested + " checksum type cannot be used with the "
                    + algorithm.toLowerCase() + " checksum algorithm.");
        }
        return requested;
    }
}
