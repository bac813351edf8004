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

    public ObjectMetadata {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        storageClass = storageClass == null ? "STANDARD" : storageClass;
    }
}
