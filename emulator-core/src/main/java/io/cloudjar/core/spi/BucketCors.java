package io.cloudjar.core.spi;

import java.util.List;
import java.util.Map;

/**
 * S3's bucket CORS rules as the pipeline asks them (a seam found with {@link ServiceContext#lookup}): for a
 * preflight ({@code OPTIONS}) and for the response headers of an actual request carrying {@code Origin}.
 */
public interface BucketCors {
    /**
     * What the bucket's CORS configuration says about a cross-origin request.
     *
     * @param requestHeaders the headers a preflight announces ({@code Access-Control-Request-Headers}), empty for an
     *                       actual request
     * @param preflight      true for a preflight: the answer then names the allowed methods, headers and max age
     */
    Verdict evaluate(String bucket, String origin, String method, List<String> requestHeaders, boolean preflight);

    /**
     * @param configured whether the bucket exists and has a CORS configuration
     * @param headers    the {@code Access-Control-*} and {@code Vary} headers of the first matching rule, empty when
     *                   no rule matches
     */
    record Verdict(boolean configured, Map<String, String> headers) {
        public static final Verdict NOT_CONFIGURED = new Verdict(false, Map.of());

        public boolean allowed() {
            return !headers.isEmpty();
        }
    }
}
