package io.cloudjar.core.auth;

import java.util.List;

/**
 * The parts of an AWS signature that routing and authentication need, from either the
 * {@code Authorization} header or a presigned URL's {@code X-Amz-*} query parameters.
 * SigV2 signatures (old S3 clients) carry only the access key; their scope fields are null.
 */
public record SigV4Credential(
        String accessKeyId,
        String date,
        String region,
        String service,
        List<String> signedHeaders,
        String signature,
        boolean presigned,
        String amzDate,
        Long expiresSeconds,
        boolean sigV2) {
}
