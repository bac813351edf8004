package io.cloudjar.s3;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.util.HttpDates;
import io.cloudjar.s3.model.ObjectMetadata;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The entity headers and user metadata of a new object, read by member name from whichever request
 * creates it (PutObject, CreateMultipartUpload, CopyObject with REPLACE), so all three store the same and check
 * it the same way.
 */
final class MetadataMembers {
    private MetadataMembers() {
    }

    /** Refuses, before anything is stored, a value that could not be answered as a header (see {@link HeaderValues}). */
    @SuppressWarnings("unchecked")
    static ObjectMetadata of(SdkPojo request) {
        Instant expires = (Instant) ModelClasses.member(request, "Expires");
        String storageClass = StorageClasses.validate((String) ModelClasses.member(request, "StorageClass"));
        Map<String, String> metadata = (Map<String, String>) ModelClasses.member(request, "Metadata");
        HeaderValues.checkMetadata(metadata);
        return new ObjectMetadata(
                stored(request, "ContentType", "Content-Type"),
                stored(request, "ContentEncoding", "Content-Encoding"),
                stored(request, "ContentDisposition", "Content-Disposition"),
                stored(request, "ContentLanguage", "Content-Language"),
                stored(request, "CacheControl", "Cache-Control"),
                expires == null ? null : HttpDates.format(expires),
                stored(request, "WebsiteRedirectLocation", "x-amz-website-redirect-location"),
                storageClass,
                metadata);
    }

    private static String stored(SdkPojo request, String member, String header) {
        String value = (String) ModelClasses.member(request, member);
        HeaderValues.checkStored(header, value);
        return value;
    }
}
