package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.VersioningConfiguration;

/** Bucket versioning (Enabled/Suspended, the MFA delete flag) and ListObjectVersions. */
public final class VersioningProvider extends S3Feature {

    public PutBucketVersioningResponse putBucketVersioning(CallContext ctx, PutBucketVersioningRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        VersioningConfiguration config = request.versioningConfiguration();
        if (config == null) {
            throw S3Errors.malformedXml();
        }
        String status = config.statusAsString();
        Bucket.Versioning versioning = "Enabled".equals(status) ? Bucket.Versioning.ENABLED
                : "Suspended".equals(status) ? Bucket.Versioning.SUSPENDED : null;
        if (versioning == null) {
            throw S3Errors.malformedXml(); // a bucket never goes back to unversioned
        }
        String mfaDelete = config.mfaDeleteAsString();
        if (mfaDelete != null && !"Enabled".equals(mfaDelete) && !"Disabled".equals(mfaDelete)) {
            throw S3Errors.malformedXml();
        }
        if (mfaDelete != null && request.mfa() == null) {
            throw S3Errors.invalidRequest("Mfa Authentication must be used for this request");
        }
        bucket.versioning(versioning, mfaDelete == null ? bucket.mfaDelete() : "Enabled".equals(mfaDelete));
        return PutBucketVersioningResponse.builder().build();
    }

    public GetBucketVersioningResponse getBucketVersioning(CallContext ctx, GetBucketVersioningRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        if (bucket.versioning() == null) {
            return GetBucketVersioningResponse.builder().build();
        }
        return GetBucketVersioningResponse.builder()
                .status(bucket.versioning() == Bucket.Versioning.ENABLED ? "Enabled" : "Suspended")
                .mfaDelete(bucket.mfaDelete() ? "Enabled" : "Disabled")
                .build();
    }

    public ListObjectVersionsResponse listObjectVersions(CallContext ctx, ListObjectVersionsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        UnaryOperator<String> enc = ListObjectsProvider.encoder(request.encodingTypeAsString());
        int maxKeys = ListObjectsProvider.maxKeys(request.maxKeys());
        if (request.versionIdMarker() != null && request.keyMarker() == null) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.", "version-id-marker",
                    request.versionIdMarker());
        }
        VersionListing page = VersionListing.of(bucket.objects(), request.prefix(), request.delimiter(), request.keyMarker(),
                request.versionIdMarker(), maxKeys);
        return ListObjectVersionsResponse.builder()
                .name(bucket.name())
                .prefix(enc.apply(request.prefix() == null ? "" : request.prefix()))
                .delimiter(enc.apply(request.delimiter()))
                .keyMarker(enc.apply(request.keyMarker() == null ? "" : request.keyMarker()))
                .versionIdMarker(request.versionIdMarker() == null ? "" : request.versionIdMarker())
                .maxKeys(maxKeys)
                .encodingType(request.encodingTypeAsString())
                .isTruncated(page.truncated())
                .nextKeyMarker(enc.apply(page.nextKeyMarker()))
                .nextVersionIdMarker(page.nextVersionId())
                .versions(page.entries().stream().filter(e -> !e.version().deleteMarker()).map(e -> version(e, enc)).toList())
                .deleteMarkers(page.entries().stream().filter(e -> e.version().deleteMarker()).map(e -> marker(e, enc)).toList())
                .commonPrefixes(page.commonPrefixes().stream().map(p -> CommonPrefix.builder().prefix(enc.apply(p)).build()).toList())
                .build();
    }

    private static ObjectVersion version(VersionListing.Entry e, UnaryOperator<String> enc) {
        StoredObject o = e.version();
        ObjectVersion.Builder b = ObjectVersion.builder()
                .key(enc.apply(o.key())).versionId(VersionIds.listed(o)).isLatest(e.latest())
                .lastModified(o.lastModified()).eTag(o.etag()).size(o.size())
                .storageClass(o.metadata().storageClass())
                .owner(Owner.builder().id(CanonicalIds.of(o.ownerAccount())).build());
        if (o.checksumAlgorithm() != null) {
            b.checksumAlgorithmWithStrings(o.checksumAlgorithm()).checksumType(o.checksumType());
        }
        return b.build();
    }

    private static DeleteMarkerEntry marker(VersionListing.Entry e, UnaryOperator<String> enc) {
        StoredObject o = e.version();
        return DeleteMarkerEntry.builder()
                .key(enc.apply(o.key())).versionId(VersionIds.listed(o)).isLatest(e.latest()).lastModified(o.lastModified())
                .owner(Owner.builder().id(CanonicalIds.of(o.ownerAccount())).build())
                .build();
    }
}
