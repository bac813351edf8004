package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketRequestPaymentRequest;
import software.amazon.awssdk.services.s3.model.GetBucketRequestPaymentResponse;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.PutBucketRequestPaymentRequest;
import software.amazon.awssdk.services.s3.model.PutBucketRequestPaymentResponse;
import software.amazon.awssdk.services.s3.model.RequestPaymentConfiguration;

/** Who pays for requests: the bucket owner (the default) or the requester. Stored; nobody is charged here. */
public final class RequestPaymentProvider extends S3Feature {

    public PutBucketRequestPaymentResponse putBucketRequestPayment(CallContext ctx, PutBucketRequestPaymentRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        RequestPaymentConfiguration config = request.requestPaymentConfiguration();
        if (config == null || config.payer() == null || config.payer() == Payer.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        bucket.setting(Payer.class, config.payer());
        return PutBucketRequestPaymentResponse.builder().build();
    }

    public GetBucketRequestPaymentResponse getBucketRequestPayment(CallContext ctx, GetBucketRequestPaymentRequest request) {
        Payer payer = state.bucket(ctx.principal(), request.bucket()).setting(Payer.class);
        return GetBucketRequestPaymentResponse.builder().payer(payer == null ? Payer.BUCKET_OWNER : payer).build();
    }
}
