package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.RequestedLock;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;

/**
 * CopyObject: a new object (a new version in versioned buckets) from an existing version, with the
 * metadata and tags either copied or replaced, the source conditions checked, and S3's rule that an
 * object may not be copied onto itself without changing anything.
 */
public final class CopyObjectProvider extends S3Feature {
    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
        CopySourceResolvers.register(context);
    }

    public CopyObjectResponse copyObject(CallContext ctx, CopyObjectRequest request) {
        Bucket target = state.bucket(ctx.principal(), request.destinationBucket());
        String key = request.destinationKey();
        ObjectsProvider.checkKey(key);
        boolean replaceMetadata = directive(request.metadataDirectiveAsString(), "metadata");
        boolean replaceTags = directive(request.taggingDirectiveAsString(), "tagging");
        CopySource source = CopySource.parse(request.copySource());
        CustomerKeys.CustomerKey customerKey = CustomerKeys.of(request, "");
        ObjectEncryption encryption = ServerSideEncryptions.forUpload(target, request, customerKey, ctx.accountId(), target.region());
        RequestedLock lock = ObjectLocks.requested(target, request, state.clock().now());
        try (OpenedSource opened = OpenedSource.open(state, ctx, source, found -> CopySource.checkConditions(found,
                request.copySourceIfMatch(), request.copySourceIfNoneMatch(), request.copySourceIfModifiedSince(),
                request.copySourceIfUnmodifiedSince()), request)) {
            StoredObject from = opened.object();
            String storageClass = StorageClasses.validate(request.storageClassAsString());
            if (source.bucket().equals(target.name()) && source.key().equals(key) && !replaceMetadata && storageClass == null
                    && request.websiteRedirectLocation() == null && request.serverSideEncryption() == null && customerKey == null
                    && target.versioning() != Bucket.Versioning.ENABLED) {
                throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself "
                        + "without changing the object's metadata, storage class, website redirect location or encryption attributes.");
            }
            ObjectMetadata metadata = replaceMetadata ? MetadataMembers.of(request)
                    : from.metadata().withStorageClass(storageClass, request.websiteRedirectLocation() != null
                            ? request.websiteRedirectLocation() : from.metadata().websiteRedirectLocation());
            Map<String, String> tags = replaceTags ? TagSets.fromHeader(request.tagging()) : from.tags();
            WriteConditions conditions = new WriteConditions(request.ifMatch(), request.ifNoneMatch());
            conditions.check(key, target.latest(key));
            ChecksumAlgorithms algorithm = checksumAlgorithm(request.checksumAlgorithmAsString(), from);
            boolean sameEtag = !from.etag().contains("-"); // the MD5 of identical bytes: no need to sum it again
            WrittenBlob blob;
            try {
                blob = state.blobs().copy(opened.body(), 0, from.size(), algorithm, !sameEtag);
            } catch (IOException e) {
                throw S3Errors.internalIo();
            }
            java.nio.file.Path stored = customerKey == null ? blob.path()
                    : CustomerKeys.encrypt(state.blobs(), blob.path(), customerKey, encryption.iv());
            ServerSideEncryptions.remember(target, stored, encryption);
            ObjectLocks.apply(target, stored, lock, state.clock().now());
            StoredObject copy = new StoredObject(key, VersionIds.next(target), false, stored, blob.size(),
                    sameEtag ? from.etag() : BodyWriter.etag(blob.md5()), state.clock().now(), metadata, algorithm.name(), blob.checksum(), "FULL_OBJECT",
                    null, tags, ctx.accountId(), null);
            writes.commit(target, copy, conditions);
            state.events().record(target, "ObjectCreated:Copy", copy, ctx, state.clock().now());
            CopyObjectResult.Builder result = CopyObjectResult.builder().eTag(copy.etag()).lastModified(copy.lastModified())
                    .checksumType(copy.checksumType());
            ChecksumMembers.set((SdkPojo) result, algorithm, copy.checksum());
            Bucket sourceBucket = state.bucket(ctx.principal(), source.bucket());
            CopyObjectResponse.Builder response = CopyObjectResponse.builder().copyObjectResult(result.build())
                    .versionId(copy.versionId()).copySourceVersionId(VersionIds.header(sourceBucket, from));
            ServerSideEncryptions.report((SdkPojo) response, encryption);
            return response.build();
        }
    }

    /** COPY (the default) or REPLACE. */
    private static boolean directive(String value, String kind) {
        if (value == null || "COPY".equals(value)) {
            return false;
        }
        if ("REPLACE".equals(value)) {
            return true;
        }
        throw S3Errors.invalidArgument("Unknown " + kind + " directive.", "x-amz-" + kind + "-directive", value);
    }

    /** The algorithm asked for, else the source's full-object one, else S3's default CRC64NVME. */
    private static ChecksumAlgorithms checksumAlgorithm(String requested, StoredObject from) {
        if (requested != null) {
            ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(requested);
            if (algorithm == null) {
                throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the "
                        + "valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
            }
            return algorithm;
        }
        ChecksumAlgorithms source = ChecksumAlgorithms.fromName(from.checksumAlgorithm());
        return source != null && "FULL_OBJECT".equals(from.checksumType()) ? source : ChecksumAlgorithms.CRC64NVME;
    }
}
