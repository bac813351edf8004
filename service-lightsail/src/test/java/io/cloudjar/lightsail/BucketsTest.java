package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AccessKey;
import software.amazon.awssdk.services.lightsail.model.AccessType;
import software.amazon.awssdk.services.lightsail.model.Bucket;
import software.amazon.awssdk.services.lightsail.model.BucketBundle;
import software.amazon.awssdk.services.lightsail.model.CreateBucketResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.StatusType;

class BucketsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void bucketIsPrivateOnItsBundleAndUpdated() {
        CreateBucketResponse created = lightsail.createBucket(r -> r.bucketName("seed-media").bundleId("small_1_0")
                .tags(t -> t.key("env").value("lab")));
        assertThat(created.operations()).singleElement().satisfies(o -> assertThat(o.operationType()).isEqualTo(OperationType.CREATE_BUCKET));
        Bucket bucket = created.bucket();
        assertThat(bucket.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Bucket/[0-9a-f-]{36}");
        assertThat(bucket.resourceType()).isEqualTo("Bucket");
        assertThat(bucket.url()).isEqualTo("https://seed-media.s3.us-east-1.amazonaws.com/");
        assertThat(bucket.accessRules().getObject()).isEqualTo(AccessType.PRIVATE);
        assertThat(bucket.accessRules().allowPublicOverrides()).isFalse();
        assertThat(bucket.objectVersioning()).isEqualTo("NeverEnabled");
        assertThat(bucket.state().code()).isEqualTo("OK");
        assertThat(bucket.ableToUpdateBundle()).isTrue();
        assertThat(bucket.tags()).extracting(t -> t.key()).containsExactly("env");

        lightsail.createBucket(r -> r.bucketName("seed-logs").bundleId("small_1_0"));
        Bucket updated = lightsail.updateBucket(r -> r.bucketName("seed-media").accessRules(a -> a.getObject(AccessType.PUBLIC))
                .versioning("Enabled").readonlyAccessAccounts("111122223333")
                .accessLogConfig(l -> l.enabled(true).destination("seed-logs").prefix("media/"))).bucket();
        assertThat(updated.accessRules().getObject()).isEqualTo(AccessType.PUBLIC);
        assertThat(updated.objectVersioning()).isEqualTo("Enabled");
        assertThat(updated.readonlyAccessAccounts()).containsExactly("111122223333");
        assertThat(updated.accessLogConfig().destination()).isEqualTo("seed-logs");
        assertThat(lightsail.getBuckets(r -> r.bucketName("seed-media")).buckets().get(0)).isEqualTo(updated);
        assertThat(lightsail.getBuckets(r -> { }).buckets()).extracting(Bucket::name).containsExactlyInAnyOrder("seed-media", "seed-logs");

        assertThatThrownBy(() -> lightsail.updateBucket(r -> r.bucketName("seed-media").versioning("On")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateBucket(r -> r.bucketName("seed-media").readonlyAccessAccounts("000000000000")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateBucket(r -> r.bucketName("seed-media")
                .accessLogConfig(l -> l.enabled(true).destination("nowhere")))).isInstanceOf(InvalidInputException.class);

        // the bundle changes once a billing month
        assertThat(lightsail.updateBucketBundle(r -> r.bucketName("seed-media").bundleId("medium_1_0")).operations().get(0)
                .operationType()).isEqualTo(OperationType.UPDATE_BUCKET_BUNDLE);
        Bucket resized = lightsail.getBuckets(r -> r.bucketName("seed-media")).buckets().get(0);
        assertThat(resized.bundleId()).isEqualTo("medium_1_0");
        assertThat(resized.ableToUpdateBundle()).isFalse();
        assertThatThrownBy(() -> lightsail.updateBucketBundle(r -> r.bucketName("seed-media").bundleId("large_1_0")))
                .isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofDays(32));
        lightsail.updateBucketBundle(r -> r.bucketName("seed-media").bundleId("large_1_0"));

        assertThat(lightsail.getBucketBundles(r -> { }).bundles()).extracting(b -> b.bundleId() + " " + b.price() + " "
                + b.storagePerMonthInGb() + " " + b.transferPerMonthInGb())
                .containsExactly("small_1_0 1.0 5 25", "medium_1_0 3.0 100 250", "large_1_0 5.0 250 500");
    }

    @Test
    void accessKeysAreShapedLikeAwsAndLimitedToTwo() {
        lightsail.createBucket(r -> r.bucketName("keyed").bundleId("small_1_0"));
        AccessKey first = lightsail.createBucketAccessKey(r -> r.bucketName("keyed")).accessKey();
        assertThat(first.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(first.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
        assertThat(first.status()).isEqualTo(StatusType.ACTIVE);
        lightsail.createBucketAccessKey(r -> r.bucketName("keyed"));
        assertThatThrownBy(() -> lightsail.createBucketAccessKey(r -> r.bucketName("keyed"))).isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.getBucketAccessKeys(r -> r.bucketName("keyed")).accessKeys()).hasSize(2)
                .allSatisfy(k -> assertThat(k.secretAccessKey()).isNull());

        lightsail.deleteBucketAccessKey(r -> r.bucketName("keyed").accessKeyId(first.accessKeyId()));
        assertThatThrownBy(() -> lightsail.deleteBucketAccessKey(r -> r.bucketName("keyed").accessKeyId(first.accessKeyId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(lightsail.getBucketAccessKeys(r -> r.bucketName("keyed")).accessKeys()).hasSize(1);

        // a bucket with keys is deleted only by force
        assertThatThrownBy(() -> lightsail.deleteBucket(r -> r.bucketName("keyed"))).isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.deleteBucket(r -> r.bucketName("keyed").forceDelete(true)).operations().get(0).operationType())
                .isEqualTo(OperationType.DELETE_BUCKET);
        assertThatThrownBy(() -> lightsail.getBuckets(r -> r.bucketName("keyed"))).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Bucket does not exist: keyed"));
    }

    @Test
    void instancesAreGivenAccessAndTakeItAway() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        lightsail.createBucket(r -> r.bucketName("shared-media").bundleId("small_1_0"));
        assertThat(lightsail.setResourceAccessForBucket(r -> r.bucketName("shared-media").resourceName("web").access("allow"))
                .operations().get(0).operationType()).isEqualTo(OperationType.SET_RESOURCE_ACCESS_FOR_BUCKET);
        assertThat(lightsail.getBuckets(r -> r.bucketName("shared-media")).buckets().get(0).resourcesReceivingAccess())
                .extracting(a -> a.name() + " " + a.resourceType()).containsExactly("web Instance");
        assertThatThrownBy(() -> lightsail.deleteBucket(r -> r.bucketName("shared-media"))).isInstanceOf(InvalidInputException.class);
        lightsail.setResourceAccessForBucket(r -> r.bucketName("shared-media").resourceName("web").access("deny"));
        assertThat(lightsail.getBuckets(r -> r.bucketName("shared-media")).buckets().get(0).resourcesReceivingAccess()).isEmpty();
        assertThatThrownBy(() -> lightsail.setResourceAccessForBucket(r -> r.bucketName("shared-media").resourceName("ghost")
                .access("allow"))).isInstanceOf(NotFoundException.class);
        lightsail.deleteBucket(r -> r.bucketName("shared-media"));
    }

    @Test
    void namesAreGlobalAndBundlesChecked() {
        lightsail.createBucket(r -> r.bucketName("taken-name").bundleId("small_1_0"));
        try (LightsailClient other = cloudjar.client(LightsailClient.builder(), Region.EU_WEST_2, "test", "test")) {
            assertThatThrownBy(() -> other.createBucket(r -> r.bucketName("taken-name").bundleId("small_1_0")))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> lightsail.createBucket(r -> r.bucketName("fresh-name").bundleId("huge_1_0")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.getBucketBundles(r -> { }).bundles()).extracting(BucketBundle::isActive).containsOnly(true);
    }
}
