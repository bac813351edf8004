package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CreateBucketAccessKeyRequest;
import software.amazon.awssdk.services.lightsail.model.CreateBucketAccessKeyResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteBucketAccessKeyRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteBucketAccessKeyResponse;
import software.amazon.awssdk.services.lightsail.model.GetBucketAccessKeysRequest;
import software.amazon.awssdk.services.lightsail.model.GetBucketAccessKeysResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/** A bucket's access keys (at most two): IAM-shaped AKIA ids, the 40-character secret answered only at creation. */
public final class BucketAccessKeysProvider extends LightsailProvider {
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public CreateBucketAccessKeyResponse createBucketAccessKey(CallContext ctx, CreateBucketAccessKeyRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            if (bucket.keys().size() >= BucketRecord.MAX_KEYS) {
                throw LightsailErrors.invalidInput("The bucket %s already has %d access keys, the most it can have.",
                        bucket.name(), BucketRecord.MAX_KEYS);
            }
            BucketRecord.Key key = new BucketRecord.Key(Ids.iam("AKIA", 20), secret(), scope.now());
            List<BucketRecord.Key> keys = new ArrayList<>(bucket.keys());
            keys.add(key);
            state.buckets.put(bucket.withKeys(keys));
            return CreateBucketAccessKeyResponse.builder().accessKey(key.toSdk(true))
                    .operations(state.operations.record(scope, bucket.meta(), OperationType.CREATE_BUCKET_ACCESS_KEY,
                            key.accessKeyId()))
                    .build();
        }
    }

    public GetBucketAccessKeysResponse getBucketAccessKeys(CallContext ctx, GetBucketAccessKeysRequest request) {
        BucketRecord bucket = state(ctx).buckets.get(request.bucketName());
        return GetBucketAccessKeysResponse.builder().accessKeys(bucket.keys().stream().map(k -> k.toSdk(false)).toList()).build();
    }

    public DeleteBucketAccessKeyResponse deleteBucketAccessKey(CallContext ctx, DeleteBucketAccessKeyRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            List<BucketRecord.Key> keys = new ArrayList<>(bucket.keys());
            if (!keys.removeIf(k -> k.accessKeyId().equals(request.accessKeyId()))) {
                throw LightsailErrors.notFound("The access key %s does not exist for the bucket %s.", request.accessKeyId(),
                        bucket.name());
            }
            state.buckets.put(bucket.withKeys(keys));
            return DeleteBucketAccessKeyResponse.builder().operations(state.operations.record(scope, bucket.meta(),
                    OperationType.DELETE_BUCKET_ACCESS_KEY, request.accessKeyId())).build();
        }
    }

    private static String secret() {
        StringBuilder out = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            out.append(SECRET_CHARS.charAt(Ids.random().nextInt(SECRET_CHARS.length())));
        }
        return out.toString();
    }
}
