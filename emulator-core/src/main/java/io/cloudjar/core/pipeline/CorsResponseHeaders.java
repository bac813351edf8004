package io.cloudjar.core.pipeline;

import io.cloudjar.core.spi.BucketCors;
import java.util.List;
import java.util.Optional;

/**
 * The CORS headers S3 adds to the answer of a request carrying {@code Origin} (not a preflight) when a rule of the
 * bucket's CORS configuration matches its origin and method, so the page may read the answer.
 */
final class CorsResponseHeaders {
    private final Optional<BucketCors> cors;

    CorsResponseHeaders(Optional<BucketCors> cors) {
        this.cors = cors;
    }

    void add(RequestContext ctx) {
        String origin = ctx.request().header("Origin");
        if (origin == null || cors.isEmpty() || ctx.apiMetadata() == null || ctx.response() == null
                || !"s3".equals(ctx.apiMetadata().api()) || "OPTIONS".equals(ctx.request().method())) {
            return;
        }
        String bucket = AnswerPreflight.bucketOf(ctx);
        if (bucket == null) {
            return;
        }
        cors.get().evaluate(bucket, origin, ctx.request().method(), List.of(), false).headers()
                .forEach((name, value) -> ctx.response().headers().set(name, value));
    }
}
