package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.spi.BucketCors;
import io.cloudjar.core.util.PercentCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * S3's answer to a browser's CORS preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}), before authentication as S3 answers it: from the bucket's CORS rules
 * ({@link BucketCors}, S3's provider). A bucket without rules refuses it (403 {@code AccessForbidden}, "CORS is not
 * enabled for this bucket."), and so does one whose rules do not match the origin, method and headers.
 */
final class AnswerPreflight implements Stage {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final Optional<BucketCors> cors;

    AnswerPreflight(Optional<BucketCors> cors) {
        this.cors = cors;
    }

    @Override
    public void apply(RequestContext ctx) {
        if (!"OPTIONS".equals(ctx.request().method()) || !"s3".equals(ctx.apiMetadata().api())) {
            return;
        }
        String origin = ctx.request().header("Origin");
        if (origin == null) {
            throw AwsErrors.badRequest("BadRequest", "Insufficient information. Origin request header needed.");
        }
        String method = ctx.request().header("Access-Control-Request-Method");
        if (method == null || !METHODS.contains(method)) {
            throw AwsErrors.badRequest("BadRequest", "Invalid Access-Control-Request-Method: " + method);
        }
        String bucket = bucketOf(ctx);
        BucketCors.Verdict verdict = bucket == null || cors.isEmpty() ? BucketCors.Verdict.NOT_CONFIGURED
                : cors.get().evaluate(bucket, origin, method, requestedHeaders(ctx), true);
        if (verdict.allowed()) {
            Headers headers = new Headers();
            verdict.headers().forEach(headers::set);
            ctx.response(new OutgoingResponse(200, headers, ResponseBody.EMPTY));
            return;
        }
        String message = verdict.configured()
                ? "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request "
                        + "method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by "
                        + "the resource's CORS spec."
                : "CORSResponse: CORS is not enabled for this bucket.";
        throw AwsErrors.of("AccessForbidden", 403, "%s", message)
                .withDetail("Method", method)
                .withDetail("ResourceType", addressesObject(ctx) ? "OBJECT" : "BUCKET");
    }

    private static List<String> requestedHeaders(RequestContext ctx) {
        String announced = ctx.request().header("Access-Control-Request-Headers");
        return announced == null || announced.isBlank() ? List.of()
                : Arrays.stream(announced.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    /** The bucket a request addresses (virtual host, else the first path segment), or null for the service. */
    static String bucketOf(RequestContext ctx) {
        if (ctx.virtualHostBucket() != null) {
            return ctx.virtualHostBucket();
        }
        String path = ctx.request().rawPath();
        int end = path.indexOf('/', 1);
        String segment = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
        return segment.isEmpty() ? null : PercentCodec.decode(segment, false);
    }

    private static boolean addressesObject(RequestContext ctx) {
        String path = ctx.virtualHostBucket() == null ? ctx.request().rawPath()
                : "/" + PercentCodec.encode(ctx.virtualHostBucket(), false) + ctx.request().rawPath();
        int slash = path.indexOf('/', 1);
        return slash > 0 && slash < path.length() - 1;
    }
}
