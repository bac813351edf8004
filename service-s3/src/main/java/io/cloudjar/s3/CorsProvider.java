package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.CORSConfiguration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;

/** Bucket CORS rules, validated as S3 validates them; the pipeline's preflight and response headers read them. */
public final class CorsProvider extends S3Feature {
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
}
