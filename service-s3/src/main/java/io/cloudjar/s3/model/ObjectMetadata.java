package io.cloudjar.s3.model;

import java.util.Map;

/**
 * What S3 keeps of an object's HTTP entity headers and user metadata ({@code x-amz-meta-*}), returned as
 * they were sent on GET and HEAD.
 */
public record ObjectMetadata(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        String expires,
        String websiteRedirectLocation,
        String storageClass,
        Map<String, String> userMetadata) {

    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    /** The same headers in another storage class (a copy that changes only the class). */
    public ObjectMetadata withStorageClass(String newStorageClass, String newRedirect) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                newRedirect, newStorageClass, userMetadata);
    }

    public ObjectMetadata {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        storageClass = storageClass == null ? "STANDARD" : storageClass;
    }
}
