package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.MultipartUpload.Part;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.model.StoredObject.ObjectPart;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * CompleteMultipartUpload: checks the part list S3's way (order, ETags, per-part checksums, 5 MiB minimum
 * except the last part), joins the parts into one object and computes its ETag ({@code md5-of-md5s-N})
 * and checksum: composite (the checksum of the parts' checksums, "-N") or over the full object.
 */
public final class MultipartCompletionProvider extends S3Feature {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(CallContext ctx, CompleteMultipartUploadRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        MultipartUpload upload = MultipartProvider.upload(bucket, request.uploadId(), request.key());
        WriteConditions conditions = new WriteConditions(request.ifMatch(), request.ifNoneMatch());
        List<Part> parts;
        // the parts are chosen and the upload ended under the parts' lock (see MultipartUpload), so a part uploaded
        // again meanwhile cannot delete a body this completion joins
        synchronized (upload.parts()) {
            parts = chosenParts(upload, request.multipartUpload() == null ? List.of() : request.multipartUpload().parts());
            conditions.check(upload.key(), bucket.latest(upload.key()));
            if (request.mpuObjectSize() != null && request.mpuObjectSize() != parts.stream().mapToLong(Part::size).sum()) {
                throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value does not match what was computed.");
            }
            if (!bucket.uploads().remove(upload.uploadId(), upload)) {
                throw S3Errors.noSuchUpload(upload.uploadId()); // completed or aborted by a concurrent call
            }
        }
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(upload.checksumAlgorithm());
        boolean composite = "COMPOSITE".equals(upload.checksumType());
        ChecksumAlgorithms fullObject = composite ? null : algorithm != null ? algorithm : ChecksumAlgorithms.CRC64NVME;
        WrittenBlob blob;
        try {
            blob = state.blobs().concatenate(parts.stream().map(Part::blob).toList(), fullObject);
        } catch (IOException e) {
            bucket.uploads().put(upload.uploadId(), upload);
            throw S3Errors.internalIo();
        }
        String checksum = composite ? compositeChecksum(algorithm, parts) : blob.checksum();
        String etag = "\"" + HexFormat.of().formatHex(md5OfMd5s(parts)) + "-" + parts.size() + "\"";
        List<ObjectPart> objectParts = parts.stream().map(p -> new ObjectPart(p.size(), p.checksum())).toList();
        StoredObject object = new StoredObject(upload.key(), VersionIds.next(bucket), false, blob.path(), blob.size(), etag,
                state.clock().now(), upload.metadata(), (composite ? algorithm : fullObject).name(), checksum,
                composite ? "COMPOSITE" : "FULL_OBJECT", objectParts, upload.tags(), upload.ownerAccount(), null);
        ObjectEncryption encryption = upload.encryption().joinedFrom(parts.stream().mapToInt(Part::number).toArray());
        ServerSideEncryptions.remember(bucket, blob.path(), encryption);
        ObjectLocks.apply(bucket, blob.path(), upload.lock(), state.clock().now());
        try {
            writes.commit(bucket, object, conditions);
        } catch (RuntimeException e) {
            bucket.uploads().put(upload.uploadId(), upload); // a failed condition leaves the upload to retry
            throw e;
        }
        upload.parts().values().forEach(p -> state.blobs().delete(p.blob()));
        state.events().record(bucket, "ObjectCreated:CompleteMultipartUpload", object, ctx, state.clock().now());
        CompleteMultipartUploadResponse.Builder response = CompleteMultipartUploadResponse.builder()
                .location("/" + bucket.name() + "/" + upload.key())
                .bucket(bucket.name()).key(upload.key()).eTag(etag)
                .versionId(object.versionId()).checksumType(object.checksumType());
        ServerSideEncryptions.report((SdkPojo) response, encryption);
        ChecksumMembers.set((SdkPojo) response, ChecksumAlgorithms.fromName(object.checksumAlgorithm()), checksum);
        return response.build();
    }

    private static List<Part> chosenParts(MultipartUpload upload, List<CompletedPart> requested) {
        if (requested.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(upload.checksumAlgorithm());
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
            String claimed = algorithm == null ? null : ChecksumMembers.of(wanted).get(algorithm);
            if (claimed != null && part.checksum() != null && !claimed.equals(part.checksum())) {
                throw S3Errors.invalidPart(number);
            }
            parts.add(part);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).size() < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall(parts.get(i).size());
            }
        }
        return parts;
    }

    /** The checksum of the concatenated binary part checksums, then "-" and the part count. */
    private static String compositeChecksum(ChecksumAlgorithms algorithm, List<Part> parts) {
        ChecksumAlgorithms.Running running = algorithm.start();
        for (Part part : parts) {
            if (part.checksum() == null) {
                return null;
            }
            byte[] raw = Base64.getDecoder().decode(part.checksum());
            running.update(raw, 0, raw.length);
        }
        return running.base64() + "-" + parts.size();
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
