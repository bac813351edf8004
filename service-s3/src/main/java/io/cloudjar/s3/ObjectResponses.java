package io.cloudjar.s3;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The headers S3 answers GET and HEAD of an object with, built once for both. */
final class ObjectResponses {
    private ObjectResponses() {
    }

    /**
     * @param range          the served range, or null for the whole object
     * @param checksumMode   the client asked for checksums ({@code x-amz-checksum-mode: ENABLED})
     */
    static GetObjectResponse get(StoredObject obj, ByteRange range, boolean checksumMode, GetObjectRequest overrides) {
        ObjectMetadata meta = obj.metadata();
        GetObjectResponse.Builder b = GetObjectResponse.builder()
                .eTag(obj.etag())
                .lastModified(obj.lastModified())
                .contentLength(range == null ? obj.size() : range.length())
                .acceptRanges("bytes")
                .contentType(meta.contentType())
                .contentEncoding(meta.contentEncoding())
                .contentDisposition(meta.contentDisposition())
                .contentLanguage(meta.contentLanguage())
                .cacheControl(meta.cacheControl())
                .expiresString(meta.expires())
                .websiteRedirectLocation(meta.websiteRedirectLocation())
                .serverSideEncryption("AES256")
                .metadata(meta.userMetadata().isEmpty() ? null : meta.userMetadata());
        if (!"STANDARD".equals(meta.storageClass())) {
            b.storageClass(meta.storageClass());
        }
        if (obj.versionId() != null) {
            b.versionId(obj.versionId());
        }
        if (range != null) {
            b.contentRange(range.contentRange(obj.size()));
        }
        if (checksumMode && range == null && obj.checksum() != null) {
            ChecksumMembers.set((SdkPojo) b, ChecksumAlgorithms.fromName(obj.checksumAlgorithm()), obj.checksum());
            b.checksumType(obj.checksumType());
        }
        if (overrides != null) {
            applyOverrides(b, overrides);
        }
        return b.build();
    }

    /** HEAD answers the same headers as GET. */
    static HeadObjectResponse head(StoredObject obj, ByteRange range, boolean checksumMode) {
        SdkPojo head = HeadObjectResponse.builder();
        ModelClasses.copyMembers(get(obj, range, checksumMode, null), head);
        return ModelClasses.build(head);
    }


    /** {@code response-content-type} and friends replace the stored headers in this one answer. */
    private static void applyOverrides(GetObjectResponse.Builder b, GetObjectRequest r) {
        if (r.responseContentType() != null) {
            b.contentType(r.responseContentType());
        }
        if (r.responseContentLanguage() != null) {
            b.contentLanguage(r.responseContentLanguage());
        }
        if (r.responseExpires() != null) {
            b.expires(r.responseExpires()).expiresString(null);
        }
        if (r.responseCacheControl() != null) {
            b.cacheControl(r.responseCacheControl());
        }
        if (r.responseContentDisposition() != null) {
            b.contentDisposition(r.responseContentDisposition());
        }
        if (r.responseContentEncoding() != null) {
            b.contentEncoding(r.responseContentEncoding());
        }
    }
}
