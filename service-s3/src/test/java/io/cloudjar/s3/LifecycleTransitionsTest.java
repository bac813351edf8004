package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Lifecycle transitions, noncurrent version limits, delete marker cleanup and aborted uploads on the emulator clock. */
class LifecycleTransitionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void currentVersionsMoveDownTheStorageClassesAndArchivedOnesNeedARestore() {
        s3.createBucket(b -> b.bucket("lc-transit"));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-transit").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("cool").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("data/"))
                .transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA),
                        t -> t.days(90).storageClass(TransitionStorageClass.GLACIER)).build())));
        byte[] big = new byte[200 * 1024];
        s3.putObject(r -> r.bucket("lc-transit").key("data/big"), RequestBody.fromBytes(big));
        s3.putObject(r -> r.bucket("lc-transit").key("data/small"), RequestBody.fromString("tiny"));
        s3.putObject(r -> r.bucket("lc-transit").key("other/big"), RequestBody.fromBytes(big));

        cloudjar.advanceClock(Duration.ofDays(29));
        assertThat(storageClass("lc-transit", "data/big")).isNull(); // STANDARD is not reported
        cloudjar.advanceClock(Duration.ofDays(2));
        assertThat(storageClass("lc-transit", "data/big")).isEqualTo("STANDARD_IA");
        assertThat(storageClass("lc-transit", "data/small")).as("under 128 KiB by default").isNull();
        assertThat(storageClass("lc-transit", "other/big")).isNull();
        assertThat(s3.getObjectAsBytes(r -> r.bucket("lc-transit").key("data/big")).asByteArray()).hasSize(big.length);

        cloudjar.advanceClock(Duration.ofDays(60));
        assertThat(storageClass("lc-transit", "data/big")).isEqualTo("GLACIER");
        assertS3Error(403, "InvalidObjectState", () -> s3.getObjectAsBytes(r -> r.bucket("lc-transit").key("data/big")));
    }

    @Test
    void smallObjectsGoToArchiveClassesWhenTheBucketChoseVariesByStorageClass() {
        s3.createBucket(b -> b.bucket("lc-small"));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-small")
                .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("a").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).transitions(t -> t.days(1).storageClass(TransitionStorageClass.DEEP_ARCHIVE))
                        .build())));
        s3.putObject(r -> r.bucket("lc-small").key("k"), RequestBody.fromString("tiny"));
        cloudjar.advanceClock(Duration.ofDays(2));
        assertThat(storageClass("lc-small", "k")).isEqualTo("DEEP_ARCHIVE");
    }

    @Test
    void noncurrentVersionsKeepTheNewestOnesAndTransitionTheRest() {
        s3.createBucket(b -> b.bucket("lc-newer"));
        s3.putBucketVersioning(r -> r.bucket("lc-newer").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-newer").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("old").status(ExpirationStatus.ENABLED).filter(f -> f.objectSizeGreaterThan(0L))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(5).newerNoncurrentVersions(1))
                .noncurrentVersionTransitions(n -> n.noncurrentDays(1).storageClass(TransitionStorageClass.GLACIER_IR)).build())));
        for (String body : List.of("1", "2", "3", "4")) {
            s3.putObject(r -> r.bucket("lc-newer").key("k"), RequestBody.fromString(body));
        }

        cloudjar.advanceClock(Duration.ofDays(2));
        List<ObjectVersion> versions = s3.listObjectVersions(r -> r.bucket("lc-newer")).versions();
        assertThat(versions).extracting(ObjectVersion::storageClassAsString)
                .containsExactly("STANDARD", "GLACIER_IR", "GLACIER_IR", "GLACIER_IR");

        cloudjar.advanceClock(Duration.ofDays(5));
        List<ObjectVersion> left = s3.listObjectVersions(r -> r.bucket("lc-newer")).versions();
        assertThat(left).as("the current one and the newest noncurrent one stay").hasSize(2);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("lc-newer").key("k").versionId(left.get(1).versionId())).asUtf8String())
                .isEqualTo("3");
    }

    @Test
    void expiredObjectDeleteMarkersAreRemovedOnceAlone() {
        s3.createBucket(b -> b.bucket("lc-markers"));
        s3.putBucketVersioning(r -> r.bucket("lc-markers").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-markers").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("clean").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .expiration(e -> e.expiredObjectDeleteMarker(true)).noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build())));
        s3.putObject(r -> r.bucket("lc-markers").key("k"), RequestBody.fromString("1"));
        s3.deleteObject(r -> r.bucket("lc-markers").key("k"));

        cloudjar.advanceClock(Duration.ofDays(2));
        var listing = s3.listObjectVersions(r -> r.bucket("lc-markers"));
        assertThat(listing.versions()).isEmpty();
        assertThat(listing.deleteMarkers()).as("the marker went with the last version").isEmpty();
    }

    @Test
    void incompleteMultipartUploadsAreAbortedAfterTheirDays() {
        s3.createBucket(b -> b.bucket("lc-uploads"));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-uploads").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("abort").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/"))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(3)).build())));
        var created = s3.createMultipartUpload(r -> r.bucket("lc-uploads").key("tmp/big"));
        assertThat(created.abortRuleId()).isEqualTo("abort");
        assertThat(created.abortDate()).isAfter(cloudjar.clock().now().plus(Duration.ofDays(3)));
        String upload = created.uploadId();
        s3.createMultipartUpload(r -> r.bucket("lc-uploads").key("keep/big"));
        s3.uploadPart(r -> r.bucket("lc-uploads").key("tmp/big").uploadId(upload).partNumber(1), RequestBody.fromString("p"));

        cloudjar.advanceClock(Duration.ofDays(2));
        assertThat(s3.listMultipartUploads(r -> r.bucket("lc-uploads")).uploads()).hasSize(2);
        cloudjar.advanceClock(Duration.ofDays(2));
        assertThat(s3.listMultipartUploads(r -> r.bucket("lc-uploads")).uploads()).singleElement()
                .satisfies(u -> assertThat(u.key()).isEqualTo("keep/big"));
        assertS3Error(404, "NoSuchUpload", () -> s3.listParts(r -> r.bucket("lc-uploads").key("tmp/big").uploadId(upload)));
    }

    @Test
    void invalidTransitionsAreRefusedAsS3Does() {
        s3.createBucket(b -> b.bucket("lc-invalid"));
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-invalid")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("ia").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).transitions(t -> t.days(7).storageClass(TransitionStorageClass.STANDARD_IA))
                        .build()))));
        assertS3Error(400, "InvalidRequest", () -> s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-invalid")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("t").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.tag(t -> t.key("a").value("b")))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build()))));
    }

    private String storageClass(String bucket, String key) {
        return s3.headObject(r -> r.bucket(bucket).key(key)).storageClassAsString();
    }
}
