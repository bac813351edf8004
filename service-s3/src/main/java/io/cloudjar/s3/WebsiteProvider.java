package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeleteBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.PutBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.PutBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.WebsiteConfiguration;

/** A bucket's static website configuration: index and error documents, redirect-all, routing rules. */
public final class WebsiteProvider extends S3Feature {

    public PutBucketWebsiteResponse putBucketWebsite(CallContext ctx, PutBucketWebsiteRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        WebsiteConfiguration config = request.websiteConfiguration();
        if (config == null) {
            throw S3Errors.malformedXml();
        }
        if (config.redirectAllRequestsTo() != null) {
            if (config.redirectAllRequestsTo().hostName() == null) {
                throw S3Errors.malformedXml();
            }
            if (config.indexDocument() != null || config.errorDocument() != null || config.hasRoutingRules()) {
                throw S3Errors.invalidArgument("RedirectAllRequestsTo cannot be provided in conjunction with other Routing "
                        + "Rules.", "RedirectAllRequestsTo", "not null");
            }
        } else if (config.indexDocument() == null || config.indexDocument().suffix() == null) {
            throw S3Errors.invalidArgument("A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty",
                    "IndexDocument", "null");
        } else {
            String suffix = config.indexDocument().suffix();
            if (suffix.isEmpty() || suffix.contains("/")) {
                throw S3Errors.invalidArgument("The IndexDocument Suffix is not well formed", "IndexDocument", suffix);
            }
        }
        if (config.hasRoutingRules() && config.routingRules().stream().anyMatch(r -> r.redirect() == null)) {
            throw S3Errors.malformedXml();
        }
        bucket.setting(WebsiteConfiguration.class, config);
        return PutBucketWebsiteResponse.builder().build();
    }

    public GetBucketWebsiteResponse getBucketWebsite(CallContext ctx, GetBucketWebsiteRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        WebsiteConfiguration config = BucketSettings.required(bucket, WebsiteConfiguration.class,
                "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration");
        return GetBucketWebsiteResponse.builder()
                .redirectAllRequestsTo(config.redirectAllRequestsTo())
                .indexDocument(config.indexDocument())
                .errorDocument(config.errorDocument())
                .routingRules(config.hasRoutingRules() ? config.routingRules() : null)
                .build();
    }

    public DeleteBucketWebsiteResponse deleteBucketWebsite(CallContext ctx, DeleteBucketWebsiteRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(WebsiteConfiguration.class, null);
        return DeleteBucketWebsiteResponse.builder().build();
    }
}
