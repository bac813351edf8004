package io.cloudjar.s3;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.util.HttpDates;
import io.cloudjar.s3.model.ObjectMetadata;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The entity headers and user metadata of a new object, read by member name from whichever request
 * creates it (PutObject, CreateMultipartUpload, CopyObject with REPLACE), so all three store the same.
 */
final class MetadataMembers {
    private MetadataMembers() {
    }

    @SuppressWarnings("unchecked")
    static ObjectMetadata of(SdkPojo request) {
        Instant expires = (Instant) ModelClasses.member(request, "Expires");
        String storageClass = StorageClasses.validate((String) ModelClasses.member(request, "StorageClass"));
        return new ObjectMetadata(
                (String) ModelClasses.member(request, "ContentType"),
                (String) ModelClasses.member(request, "ContentEncoding"),
                (String) ModelClasses.member(request, "ContentDisposition"),
                (String) ModelClasses.member(request, "ContentLanguage"),
                (String) ModelClasses.member(request, "CacheControl"),
                expires == null ? null : HttpDates.format(expires),
                (String) ModelClasses.member(request, "WebsiteRedirectLocation"),
                storageClass,
                (Map<String, String>) ModelClasses.member(request, "Metadata"));
    }
}
