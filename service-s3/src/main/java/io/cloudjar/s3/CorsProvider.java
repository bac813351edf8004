package io.cloudjar.s3;

import io.cloudjar.core.spi.BucketCors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.CORSConfiguration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;

/**
 * Bucket CORS rules, validated as S3 validates them, and matched for the pipeline ({@link BucketCors}): the first rule
 * whose origin (one {@code *} wildcard), method and, for a preflight, every requested header match answers.
 */
public final class CorsProvider extends S3Feature implements BucketCors {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    private static final int MAX_RULES = 100;

    public PutBucketCorsResponse putBucketCors(CallContext ctx, PutBucketCorsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        CORSConfiguration config = request.corsConfiguration();
        if (config == null || config.corsRules().isEmpty()) {
            throw S3Errors.malformedXml();
        }
        if (config.corsRules().size() > MAX_RULES) {
            throw S3Errors.invalidRequest("The number of CORS rules should not exceed allowed limit of 100 rules.");
        }
        config.corsRules().forEach(CorsProvider::check);
        bucket.setting(CORSConfiguration.class, config);
        return PutBucketCorsResponse.builder().build();
    }

    public GetBucketCorsResponse getBucketCors(CallContext ctx, GetBucketCorsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        CORSConfiguration config = BucketSettings.required(bucket, CORSConfiguration.class, "NoSuchCORSConfiguration",
                "The CORS configuration does not exist");
        return GetBucketCorsResponse.builder().corsRules(config.corsRules()).build();
    }

    public DeleteBucketCorsResponse deleteBucketCors(CallContext ctx, DeleteBucketCorsRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(CORSConfiguration.class, null);
        return DeleteBucketCorsResponse.builder().build();
    }

    private static void check(CORSRule rule) {
        if (rule.allowedMethods().isEmpty() || rule.allowedOrigins().isEmpty()) {
            throw S3Errors.malformedXml();
        }
        for (String method : rule.allowedMethods()) {
            if (!METHODS.contains(method)) {
                throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is " + method);
            }
        }
        for (String origin : rule.allowedOrigins()) {
            if (wildcards(origin) > 1) {
                throw S3Errors.invalidRequest("AllowedOrigin \"" + origin + "\" can not have more than one wildcard.");
            }
        }
        for (String header : rule.allowedHeaders()) {
            if (wildcards(header) > 1) {
                throw S3Errors.invalidRequest("AllowedHeader \"" + header + "\" can not have more than one wildcard.");
            }
        }
    }

    private static long wildcards(String value) {
        return value.chars().filter(c -> c == '*').count();
    }

    @Override
    public Verdict evaluate(String bucketName, String origin, String method, List<String> requestHeaders,
            boolean preflight) {
        Bucket bucket = state.named(bucketName);
        CORSConfiguration config = bucket == null ? null : bucket.setting(CORSConfiguration.class);
        if (config == null) {
            return Verdict.NOT_CONFIGURED;
        }
        for (CORSRule rule : config.corsRules()) {
            if (rule.allowedMethods().contains(method) && rule.allowedOrigins().stream().anyMatch(o -> matches(o, origin, false))
                    && requestHeaders.stream().allMatch(h -> rule.allowedHeaders().stream().anyMatch(a -> matches(a, h, true)))) {
                return new Verdict(true, headers(rule, origin, requestHeaders, preflight));
            }
        }
        return new Verdict(true, Map.of());
    }

    private static Map<String, String> headers(CORSRule rule, String origin, List<String> requestHeaders, boolean preflight) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean anyOrigin = rule.allowedOrigins().contains("*");
        headers.put("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        headers.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!anyOrigin) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (preflight && !requestHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers",
                    String.join(", ", requestHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
        }
        if (!rule.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (preflight && rule.maxAgeSeconds() != null) {
            headers.put("Access-Control-Max-Age", rule.maxAgeSeconds().toString());
        }
        headers.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        return headers;
    }

    /** {@code pattern} with at most one {@code *} matching any run of characters. */
    private static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String head = p.substring(0, star);
        String tail = p.substring(star + 1);
        return v.length() >= head.length() + tail.length() && v.startsWith(head) && v.endsWith(tail);
    }
}
