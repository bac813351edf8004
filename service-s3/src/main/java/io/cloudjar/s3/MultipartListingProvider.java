package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.MultipartUpload.Part;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Owner;

/** ListParts of one upload and ListMultipartUploads of a bucket, paged as S3 pages them. */
public final class MultipartListingProvider extends S3Feature {
    private static final int MAX = 1000;

    public ListPartsResponse listParts(CallContext ctx, ListPartsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        MultipartUpload upload = MultipartProvider.upload(bucket, request.uploadId(), request.key());
        int max = limit(request.maxParts(), "max-parts");
        int marker = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
        List<Part> after = new ArrayList<>(upload.parts().tailMap(marker, false).values());
        boolean truncated = after.size() > max;
        List<Part> page = truncated ? after.subList(0, max) : after;
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(upload.checksumAlgorithm());
        String owner = CanonicalIds.of(upload.ownerAccount());
        return ListPartsResponse.builder()
                .bucket(bucket.name()).key(upload.key()).uploadId(upload.uploadId())
                .partNumberMarker(marker).maxParts(max).isTruncated(truncated)
                .nextPartNumberMarker(page.isEmpty() ? null : page.get(page.size() - 1).number())
                .parts(page.stream().map(p -> part(p, algorithm)).toList())
                .initiator(Initiator.builder().id(owner).build())
                .owner(Owner.builder().id(owner).build())
                .storageClass(upload.metadata().storageClass())
                .checksumAlgorithm(upload.checksumAlgorithm()).checksumType(upload.checksumType())
                .build();
    }

    private static software.amazon.awssdk.services.s3.model.Part part(Part p, ChecksumAlgorithms algorithm) {
        var b = software.amazon.awssdk.services.s3.model.Part.builder()
                .partNumber(p.number()).lastModified(p.lastModified()).eTag(p.etag()).size(p.size());
        ChecksumMembers.set((SdkPojo) b, algorithm, p.checksum());
        return b.build();
    }

    public ListMultipartUploadsResponse listMultipartUploads(CallContext ctx, ListMultipartUploadsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        int max = limit(request.maxUploads(), "max-uploads");
        UnaryOperator<String> enc = ListObjectsProvider.encoder(request.encodingTypeAsString());
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String keyMarker = request.keyMarker();
        String idMarker = keyMarker == null ? null : request.uploadIdMarker();
        List<MultipartUpload> sorted = bucket.uploads().values().stream()
                .filter(u -> u.key().startsWith(prefix))
                .sorted(Comparator.comparing(MultipartUpload::key).thenComparing(MultipartUpload::initiated)
                        .thenComparing(MultipartUpload::uploadId))
                .toList();
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        boolean pastIdMarker = idMarker == null;
        MultipartUpload last = null;
        String lastPrefix = null;
        for (MultipartUpload u : sorted) {
            if (keyMarker != null && u.key().compareTo(keyMarker) < 0) {
                continue;
            }
            if (keyMarker != null && u.key().equals(keyMarker)) {
                if (!pastIdMarker) {
                    pastIdMarker = u.uploadId().equals(idMarker);
                    continue;
                }
                if (idMarker == null) {
                    continue; // a key marker alone skips every upload of that key
                }
            }
            int at = delimiter == null ? -1 : u.key().indexOf(delimiter, prefix.length());
            String common = at < 0 ? null : u.key().substring(0, at + delimiter.length());
            if (common != null && (common.equals(lastPrefix) || (keyMarker != null && keyMarker.startsWith(common)))) {
                continue;
            }
            if (uploads.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastPrefix = common;
                last = null;
            } else {
                uploads.add(u);
                last = u;
            }
        }
        return ListMultipartUploadsResponse.builder()
                .bucket(bucket.name()).prefix(enc.apply(prefix)).delimiter(enc.apply(delimiter))
                .keyMarker(enc.apply(keyMarker == null ? "" : keyMarker)).uploadIdMarker(idMarker == null ? "" : idMarker)
                .maxUploads(max).isTruncated(truncated).encodingType(request.encodingTypeAsString())
                .nextKeyMarker(truncated ? enc.apply(last != null ? last.key() : lastPrefix) : null)
                .nextUploadIdMarker(truncated && last != null ? last.uploadId() : null)
                .uploads(uploads.stream().map(u -> upload(u, enc)).toList())
                .commonPrefixes(prefixes.stream().map(p -> CommonPrefix.builder().prefix(enc.apply(p)).build()).toList())
                .build();
    }

    private static software.amazon.awssdk.services.s3.model.MultipartUpload upload(MultipartUpload u, UnaryOperator<String> enc) {
        String owner = CanonicalIds.of(u.ownerAccount());
        return software.amazon.awssdk.services.s3.model.MultipartUpload.builder()
                .uploadId(u.uploadId()).key(enc.apply(u.key())).initiated(u.initiated())
                .storageClass(u.metadata().storageClass())
                .owner(Owner.builder().id(owner).build()).initiator(Initiator.builder().id(owner).build())
                .checksumAlgorithm(u.checksumAlgorithm()).checksumType(u.checksumType())
                .build();
    }

    private static int limit(Integer requested, String name) {
        if (requested == null) {
            return MAX;
        }
        if (requested < 0) {
            throw S3Errors.invalidArgument("Argument " + name + " must be an integer between 0 and 2147483647", name,
                    requested.toString());
        }
        return Math.min(requested, MAX);
    }
}
