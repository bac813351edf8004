package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.util.PercentCodec;
import java.util.Set;

/**
 * S3's answer to a browser's CORS preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}), before authentication as S3 answers it. No bucket has a CORS
 * configuration yet, so every preflight is refused as S3 refuses one for such a bucket (403
 * {@code AccessForbidden}, "CORSResponse: CORS is not enabled for this bucket.") and no answer carries CORS
 * headers: a page of another origin can send simple requests but read none of the answers. Bucket CORS rules,
 * when S3 gets them, are matched here.
 */
final class AnswerPreflight implements Stage {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    @Override
    public void apply(RequestContext ctx) {
        if (!"OPTIONS".equals(ctx.request().method()) || !"s3".equals(ctx.apiMetadata().api())) {
            return;
        }
        if (ctx.request().header("Origin") == null) {
            throw AwsErrors.badRequest("BadRequest", "Insufficient information. Origin request header needed.");
        }
        String method = ctx.request().header("Access-Control-Request-Method");
        if (method == null || !METHODS.contains(method)) {
            throw AwsErrors.badRequest("BadRequest", "Invalid Access-Control-Request-Method: " + method);
        }
        throw AwsErrors.of("AccessForbidden", 403, "CORSResponse: CORS is not enabled for this bucket.")
                .withDetail("Method", method)
                .withDetail("ResourceType", addressesObject(ctx) ? "OBJECT" : "BUCKET");
    }

    private static boolean addressesObject(RequestContext ctx) {
        String path = ctx.virtualHostBucket() == null ? ctx.request().rawPath()
                : "/" + PercentCodec.encode(ctx.virtualHostBucket(), false) + ctx.request().rawPath();
        int slash = path.indexOf('/', 1);
        return slash > 0 && slash < path.length() - 1;
    }
}
