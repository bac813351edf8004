package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AccessKey;
import software.amazon.awssdk.services.lightsail.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.lightsail.model.AccessRules;
import software.amazon.awssdk.services.lightsail.model.Bucket;
import software.amazon.awssdk.services.lightsail.model.BucketAccessLogConfig;
import software.amazon.awssdk.services.lightsail.model.BucketState;
import software.amazon.awssdk.services.lightsail.model.ResourceReceivingAccess;
import software.amazon.awssdk.services.lightsail.model.StatusType;

/**
 * A Lightsail bucket (object storage): its bundle, access rules, versioning, the accounts that may read it, access
 * logging, and its access keys. The objects themselves are not stored (S3 is not wired in).
 *
 * @param versioning      Enabled, Suspended or NeverEnabled
 * @param bundleChangedAt     when UpdateBucketBundle last changed the bundle (once per monthly billing cycle), or null
 * @param instancesWithAccess instances given access by SetResourceAccessForBucket
 */
record BucketRecord(ResourceMeta meta, String bundleId, AccessRules accessRules, String versioning,
                    List<String> readonlyAccessAccounts, BucketAccessLogConfig accessLog, List<Key> keys,
                    Instant bundleChangedAt, List<String> instancesWithAccess) implements LightsailResource<BucketRecord> {

    static final int MAX_KEYS = 2;

    /** An access key for the bucket; the secret is answered once, by CreateBucketAccessKey. */
    record Key(String accessKeyId, String secretAccessKey, Instant createdAt) {
        AccessKey toSdk(boolean withSecret) {
            return AccessKey.builder().accessKeyId(accessKeyId).secretAccessKey(withSecret ? secretAccessKey : null)
                    .status(StatusType.ACTIVE).createdAt(createdAt)
                    .lastUsed(AccessKeyLastUsed.builder().region("N/A").serviceName("N/A").build())
                    .build();
        }
    }

    BucketRecord {
        readonlyAccessAccounts = List.copyOf(readonlyAccessAccounts);
        keys = List.copyOf(keys);
        instancesWithAccess = List.copyOf(instancesWithAccess);
    }

    @Override
    public BucketRecord withMeta(ResourceMeta newMeta) {
        return new BucketRecord(newMeta, bundleId, accessRules, versioning, readonlyAccessAccounts, accessLog, keys, bundleChangedAt, instancesWithAccess);
    }

    BucketRecord withKeys(List<Key> newKeys) {
        return new BucketRecord(meta, bundleId, accessRules, versioning, readonlyAccessAccounts, accessLog, newKeys, bundleChangedAt, instancesWithAccess);
    }

    BucketRecord withBundle(String newBundleId, Instant at) {
        return new BucketRecord(meta, newBundleId, accessRules, versioning, readonlyAccessAccounts, accessLog, keys, at, instancesWithAccess);
    }

    BucketRecord withSettings(AccessRules rules, String newVersioning, List<String> accounts, BucketAccessLogConfig log) {
        return new BucketRecord(meta, bundleId, rules, newVersioning, accounts, log, keys, bundleChangedAt, instancesWithAccess);
    }

    BucketRecord withInstancesWithAccess(List<String> instances) {
        return new BucketRecord(meta, bundleId, accessRules, versioning, readonlyAccessAccounts, accessLog, keys, bundleChangedAt,
                instances);
    }

    /** The bundle can change once per calendar month (AWS's monthly billing cycle). */
    boolean ableToUpdateBundle(Instant now) {
        return BundleCycle.canChange(bundleChangedAt, now);
    }

    Bucket toSdk(Instant now) {
        return Bucket.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type().toString()).tags(meta.sdkTags())
                .bundleId(bundleId)
                .url("https://" + meta.name() + ".s3." + meta.region() + ".amazonaws.com/")
                .accessRules(accessRules)
                .objectVersioning(versioning)
                .ableToUpdateBundle(ableToUpdateBundle(now))
                .readonlyAccessAccounts(readonlyAccessAccounts)
                .resourcesReceivingAccess(instancesWithAccess.stream().map(i -> ResourceReceivingAccess.builder().name(i)
                        .resourceType("Instance").build()).toList())
                .state(BucketState.builder().code("OK").build())
                .accessLogConfig(accessLog)
                .build();
    }
}
