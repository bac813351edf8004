package io.cloudjar.s3;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.util.HttpDates;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject.Restore;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.time.Instant;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ReplicationStatus;

/** The headers S3 answers GET and HEAD of an object with, built once for both. */
final class ObjectResponses {
    private ObjectResponses() {
    }

    /** @param checksumMode the client asked for checksums ({@code x-amz-checksum-mode: ENABLED}) */
    static GetObjectResponse get(Bucket bucket, ObjectReads read, boolean checksumMode, Instant now, Overrides overrides) {
        StoredObject obj = read.object();
        ByteRange range = read.range();
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
                .versionId(VersionIds.header(bucket, obj))
                .restore(restoreHeader(obj.restore(), now))
                .metadata(meta.userMetadata().isEmpty() ? null : meta.userMetadata());
        ServerSideEncryptions.report((SdkPojo) b, ServerSideEncryptions.of(bucket, obj));
        Object replication = obj.blob() == null ? null : bucket.versionSettings(ReplicationStatus.class).get(obj.blob());
        if (replication instanceof ReplicationStatus status) {
            b.replicationStatus(status);
        }
        if (!"STANDARD".equals(meta.storageClass())) {
            b.storageClass(meta.storageClass());
        }
        if (!obj.tags().isEmpty()) {
            b.tagCount(obj.tags().size());
        }
        if (range != null) {
            b.contentRange(range.contentRange(obj.size()));
        }
        if (read.partNumber() != null && obj.partsCount() > 0) {
            b.partsCount(obj.partsCount());
        }
        if (checksumMode) {
            setChecksum(b, read);
        }
        overrides.apply(b);
        return b.build();
    }

    /** HEAD answers the same headers as GET. */
    static HeadObjectResponse head(Bucket bucket, ObjectReads read, boolean checksumMode, Instant now, Overrides overrides) {
        SdkPojo head = HeadObjectResponse.builder();
        ModelClasses.copyMembers(get(bucket, read, checksumMode, now, overrides), head);
        return ModelClasses.build(head);
    }

    /** {@code ongoing-request="true"}, or when done {@code ongoing-request="false", expiry-date="…"}. */
    static String restoreHeader(Restore restore, Instant now) {
        if (restore == null || !now.isBefore(restore.expiresAt())) {
            return null;
        }
        if (restore.ongoing(now)) {
            return "ongoing-request=\"true\"";
        }
        return "ongoing-request=\"false\", expiry-date=\"" + HttpDates.format(restore.expiresAt()) + "\"";
    }

    /** The whole object's checksum, or a part's when a part was asked for; none for arbitrary ranges. */
    private static void setChecksum(GetObjectResponse.Builder b, ObjectReads read) {
        StoredObject obj = read.object();
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(obj.checksumAlgorithm());
        if (algorithm == null) {
            return;
        }
        if (read.partNumber() != null && obj.partsCount() > 0) {
            String partChecksum = obj.parts().get(read.partNumber() - 1).checksum();
            if (partChecksum != null) {
                ChecksumMembers.set((SdkPojo) b, algorithm, partChecksum);
                b.checksumType("COMPOSITE".equals(obj.checksumType()) ? "COMPOSITE" : "FULL_OBJECT");
            }
        } else if (read.range() == null || read.partNumber() != null) {
            ChecksumMembers.set((SdkPojo) b, algorithm, obj.checksum());
            b.checksumType(obj.checksumType());
        }
    }

    /**
     * {@code response-content-type} and friends of a GetObject or HeadObject: they replace the stored headers in one
     * answer, so each must be header text (400 InvalidArgument otherwise, as S3).
     */
    record Overrides(String contentType, String contentLanguage, String cacheControl, String contentDisposition,
                     String contentEncoding, Instant expires) {
        Overrides {
            HeaderValues.checkOverride("response-content-type", contentType);
            HeaderValues.checkOverride("response-content-language", contentLanguage);
            HeaderValues.checkOverride("response-cache-control", cacheControl);
            HeaderValues.checkOverride("response-content-disposition", contentDisposition);
            HeaderValues.checkOverride("response-content-encoding", contentEncoding);
        }

        /** S3 answers overrides only to signed reads: an anonymous one is refused before the object is looked up. */
        Overrides allowedFor(Principal principal) {
            boolean any = contentType != null || contentLanguage != null || cacheControl != null || contentDisposition != null
                    || contentEncoding != null || expires != null;
            if (any && principal.isAnonymous()) {
                throw S3Errors.invalidRequest("Request specific response headers cannot be used for anonymous GET requests.");
            }
            return this;
        }

        static Overrides of(GetObjectRequest r) {
            return new Overrides(r.responseContentType(), r.responseContentLanguage(), r.responseCacheControl(),
                    r.responseContentDisposition(), r.responseContentEncoding(), r.responseExpires());
        }

        static Overrides of(HeadObjectRequest r) {
            return new Overrides(r.responseContentType(), r.responseContentLanguage(), r.responseCacheControl(),
                    r.responseContentDisposition(), r.responseContentEncoding(), r.responseExpires());
        }

        void apply(GetObjectResponse.Builder b) {
            if (contentType != null) {
                b.contentType(contentType);
            }
            if (contentLanguage != null) {
                b.contentLanguage(contentLanguage);
            }
            if (cacheControl != null) {
                b.cacheControl(cacheControl);
            }
            if (contentDisposition != null) {
                b.contentDisposition(contentDisposition);
            }
            if (contentEncoding != null) {
                b.contentEncoding(contentEncoding);
            }
            if (expires != null) {
                b.expires(expires).expiresString(null);
            }
        }
    }

    static boolean checksumMode(String mode) {
        return "ENABLED".equals(mode);
    }
}
