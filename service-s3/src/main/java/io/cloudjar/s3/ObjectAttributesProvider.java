package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject.ObjectPart;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.Checksum;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;

/**
 * GetObjectAttributes: the attributes a caller names (ETag, Checksum, ObjectParts, StorageClass,
 * ObjectSize) of one version, without its body; parts are paged like ListParts.
 */
public final class ObjectAttributesProvider extends S3Feature {
    private static final Set<String> NAMES = Set.of("ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize");
    private static final int MAX_PARTS = 1000;

    public GetObjectAttributesResponse getObjectAttributes(CallContext ctx, GetObjectAttributesRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        List<String> wanted = request.objectAttributesAsStrings();
        for (String name : wanted) {
            if (!NAMES.contains(name)) {
                throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", name);
            }
        }
        StoredObject o = ObjectLookup.find(bucket, request.key(), request.versionId());
        GetObjectAttributesResponse.Builder b = GetObjectAttributesResponse.builder()
                .lastModified(o.lastModified()).versionId(VersionIds.header(bucket, o));
        ChecksumAlgorithms algorithm = ChecksumAlgorithms.fromName(o.checksumAlgorithm());
        if (wanted.contains("ETag")) {
            b.eTag(o.etag().replace("\"", "")); // this API names the ETag without quotes
        }
        if (wanted.contains("StorageClass")) {
            b.storageClass(o.metadata().storageClass());
        }
        if (wanted.contains("ObjectSize")) {
            b.objectSize(o.size());
        }
        if (wanted.contains("Checksum") && algorithm != null && o.checksum() != null) {
            Checksum.Builder checksum = Checksum.builder().checksumType(o.checksumType());
            ChecksumMembers.set((SdkPojo) checksum, algorithm, o.checksum());
            b.checksum(checksum.build());
        }
        if (wanted.contains("ObjectParts") && o.partsCount() > 0) {
            b.objectParts(parts(o, algorithm, request.maxParts(), request.partNumberMarker()));
        }
        return b.build();
    }

    private static GetObjectAttributesParts parts(StoredObject o, ChecksumAlgorithms algorithm, Integer maxParts, Integer marker) {
        int max = maxParts == null ? MAX_PARTS : Math.max(0, Math.min(maxParts, MAX_PARTS));
        int from = marker == null ? 0 : Math.max(0, marker);
        List<software.amazon.awssdk.services.s3.model.ObjectPart> page = new ArrayList<>();
        int number = from;
        for (int i = from; i < o.partsCount() && page.size() < max; i++) {
            ObjectPart part = o.parts().get(i);
            number = i + 1;
            var pb = software.amazon.awssdk.services.s3.model.ObjectPart.builder().partNumber(number).size(part.size());
            ChecksumMembers.set((SdkPojo) pb, algorithm, part.checksum());
            page.add(pb.build());
        }
        boolean truncated = number < o.partsCount();
        return GetObjectAttributesParts.builder().totalPartsCount(o.partsCount()).partNumberMarker(from).maxParts(max)
                .isTruncated(truncated).nextPartNumberMarker(page.isEmpty() ? null : number).parts(page).build();
    }
}
