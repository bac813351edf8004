package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.AccessRules;
import software.amazon.awssdk.services.lightsail.model.AccessType;
import software.amazon.awssdk.services.lightsail.model.Bucket;
import software.amazon.awssdk.services.lightsail.model.BucketAccessLogConfig;
import software.amazon.awssdk.services.lightsail.model.CreateBucketRequest;
import software.amazon.awssdk.services.lightsail.model.CreateBucketResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteBucketRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteBucketResponse;
import software.amazon.awssdk.services.lightsail.model.GetBucketBundlesRequest;
import software.amazon.awssdk.services.lightsail.model.GetBucketBundlesResponse;
import software.amazon.awssdk.services.lightsail.model.GetBucketsRequest;
import software.amazon.awssdk.services.lightsail.model.GetBucketsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceBucketAccess;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.SetResourceAccessForBucketRequest;
import software.amazon.awssdk.services.lightsail.model.SetResourceAccessForBucketResponse;
import software.amazon.awssdk.services.lightsail.model.UpdateBucketBundleRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateBucketBundleResponse;
import software.amazon.awssdk.services.lightsail.model.UpdateBucketRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateBucketResponse;

/**
 * Lightsail buckets: created on a bundle (names unique across every account, as S3's), private by default; access
 * rules, versioning, read-only accounts and access logging updated; the bundle changed once a month; deleted (with
 * {@code forceDelete} while it has access keys). Access keys are {@link BucketAccessKeysProvider}'s.
 */
public final class BucketsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    private static final int MAX_READONLY_ACCOUNTS = 10;

    public CreateBucketResponse createBucket(CallContext ctx, CreateBucketRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        String bundleId = BucketBundles.get(request.bundleId()).bundleId();
        String name = request.bucketName();
        synchronized (BucketsProvider.class) { // names are global: no two states may take one at once
            if (store.all().stream().anyMatch(s -> s.buckets.contains(name)) || state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            synchronized (state.lock) {
                BucketRecord bucket = new BucketRecord(ResourceMeta.create(scope, ResourceType.BUCKET, name, "all",
                        "Bucket/" + name, tags), bundleId,
                        AccessRules.builder().getObject(AccessType.PRIVATE).allowPublicOverrides(false).build(),
                        Boolean.TRUE.equals(request.enableObjectVersioning()) ? "Enabled" : "NeverEnabled",
                        List.of(), BucketAccessLogConfig.builder().enabled(false).build(), List.of(), null, List.of());
                state.buckets.put(bucket);
                return CreateBucketResponse.builder().bucket(bucket.toSdk(scope.now()))
                        .operations(state.operations.record(scope, bucket.meta(), OperationType.CREATE_BUCKET, null)).build();
            }
        }
    }

    public GetBucketsResponse getBuckets(CallContext ctx, GetBucketsRequest request) {
        LightsailState state = state(ctx);
        List<BucketRecord> buckets = request.bucketName() == null ? state.buckets.list()
                : List.of(state.buckets.get(request.bucketName()));
        Pages<Bucket> page = Pages.of(buckets.stream().map(b -> b.toSdk(ctx.receivedAt())).toList(), request.pageToken(), PAGE_SIZE);
        return GetBucketsResponse.builder().buckets(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public UpdateBucketResponse updateBucket(CallContext ctx, UpdateBucketRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            AccessRules rules = request.accessRules() == null ? bucket.accessRules() : accessRules(request.accessRules(), bucket);
            String versioning = request.versioning() == null ? bucket.versioning() : versioning(request.versioning());
            List<String> accounts = request.hasReadonlyAccessAccounts()
                    ? readonlyAccounts(request.readonlyAccessAccounts(), scope.account()) : bucket.readonlyAccessAccounts();
            BucketAccessLogConfig log = request.accessLogConfig() == null ? bucket.accessLog()
                    : accessLog(state, request.accessLogConfig());
            BucketRecord updated = bucket.withSettings(rules, versioning, accounts, log);
            state.buckets.put(updated);
            return UpdateBucketResponse.builder().bucket(updated.toSdk(scope.now()))
                    .operations(state.operations.record(scope, bucket.meta(), OperationType.UPDATE_BUCKET, null)).build();
        }
    }

    public UpdateBucketBundleResponse updateBucketBundle(CallContext ctx, UpdateBucketBundleRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        String bundleId = BucketBundles.get(request.bundleId()).bundleId();
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            if (!bucket.ableToUpdateBundle(scope.now())) {
                throw LightsailErrors.invalidInput("The bundle of bucket %s was already changed in this monthly billing"
                        + " cycle; it can be changed once a month.", bucket.name());
            }
            state.buckets.put(bucket.withBundle(bundleId, scope.now()));
            return UpdateBucketBundleResponse.builder().operations(state.operations.record(scope, bucket.meta(),
                    OperationType.UPDATE_BUCKET_BUNDLE, bucket.bundleId() + " -> " + bundleId)).build();
        }
    }

    public DeleteBucketResponse deleteBucket(CallContext ctx, DeleteBucketRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            if ((!bucket.keys().isEmpty() || !bucket.instancesWithAccess().isEmpty()) && !Boolean.TRUE.equals(request.forceDelete())) {
                throw LightsailErrors.invalidInput("The bucket %s has access keys or instances with access: remove them"
                        + " first, or force delete the bucket.", bucket.name());
            }
            state.buckets.remove(bucket.name());
            return DeleteBucketResponse.builder()
                    .operations(state.operations.record(scope, bucket.meta(), OperationType.DELETE_BUCKET, null)).build();
        }
    }

    /** Gives an instance of the region access to the bucket, or takes it away. */
    public SetResourceAccessForBucketResponse setResourceAccessForBucket(CallContext ctx, SetResourceAccessForBucketRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.access() == null || request.access() == ResourceBucketAccess.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The access %s is not valid: allow or deny.", request.accessAsString());
        }
        synchronized (state.lock) {
            BucketRecord bucket = state.buckets.get(request.bucketName());
            InstanceRecord instance = state.instances.get(request.resourceName());
            List<String> instances = new java.util.ArrayList<>(bucket.instancesWithAccess());
            instances.remove(instance.name());
            if (request.access() == ResourceBucketAccess.ALLOW) {
                instances.add(instance.name());
            }
            state.buckets.put(bucket.withInstancesWithAccess(instances));
            return SetResourceAccessForBucketResponse.builder().operations(state.operations.record(scope, bucket.meta(),
                    OperationType.SET_RESOURCE_ACCESS_FOR_BUCKET, instance.name() + " " + request.access())).build();
        }
    }

    public GetBucketBundlesResponse getBucketBundles(CallContext ctx, GetBucketBundlesRequest request) {
        return GetBucketBundlesResponse.builder().bundles(BucketBundles.ALL).build();
    }

    /** Merges the given rules over the bucket's; getObject must be public or private. */
    private static AccessRules accessRules(AccessRules requested, BucketRecord bucket) {
        if (requested.getObject() == AccessType.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The getObject access %s is not valid: public or private.",
                    requested.getObjectAsString());
        }
        return AccessRules.builder()
                .getObject(requested.getObject() == null ? bucket.accessRules().getObject() : requested.getObject())
                .allowPublicOverrides(requested.allowPublicOverrides() == null
                        ? bucket.accessRules().allowPublicOverrides() : requested.allowPublicOverrides())
                .build();
    }

    private static String versioning(String value) {
        if (!value.equals("Enabled") && !value.equals("Suspended")) {
            throw LightsailErrors.invalidInput("The versioning %s is not valid: Enabled or Suspended.", value);
        }
        return value;
    }

    private static List<String> readonlyAccounts(List<String> accounts, String own) {
        if (accounts.size() > MAX_READONLY_ACCOUNTS) {
            throw LightsailErrors.invalidInput("A bucket can give read-only access to at most %d accounts.", MAX_READONLY_ACCOUNTS);
        }
        for (String account : accounts) {
            if (!account.matches("\\d{12}") || account.equals(own)) {
                throw LightsailErrors.invalidInput("The account ID %s is not valid for read-only access: another account's"
                        + " 12-digit ID.", account);
            }
        }
        return accounts;
    }

    private static BucketAccessLogConfig accessLog(LightsailState state, BucketAccessLogConfig log) {
        if (!Boolean.TRUE.equals(log.enabled())) {
            return BucketAccessLogConfig.builder().enabled(false).build();
        }
        if (log.destination() == null || !state.buckets.contains(log.destination())) {
            throw LightsailErrors.invalidInput("The access log destination %s is not a bucket of this account in this"
                    + " Region.", log.destination());
        }
        return log;
    }
}
