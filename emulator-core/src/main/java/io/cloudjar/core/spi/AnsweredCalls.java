package io.cloudjar.core.spi;

import io.cloudjar.core.auth.Principal;
import java.time.Instant;

/**
 * Told of every API call the pipeline has answered (a seam found with {@link ServiceContext#lookup}), for what a
 * service records about calls after the fact: S3's server access logs. Runs on the calling thread after the response
 * is made, so it must be quick and must not throw.
 */
public interface AnsweredCalls {
    void answered(Call call);

    /**
     * One answered call.
     *
     * @param principal         who signed it, or null when authentication did not get that far
     * @param input             the decoded SDK request, or null when the call failed before decoding
     * @param virtualHostBucket the bucket an S3 virtual host names, or null
     * @param errorCode         the AWS error code answered, or null on success
     * @param bytesSent         the response body's length
     */
    record Call(String api, String operation, String requestId, Instant receivedAt, Principal principal, Object input,
                String method, String uri, String host, String userAgent, String referer, boolean signedInHeader,
                String remoteAddress, String virtualHostBucket, int status, String errorCode, long bytesSent) {
    }
}
