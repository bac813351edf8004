package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** Lifecycle expirations happening as the emulator clock passes their due midnight. */
class LifecycleExpirationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void objectsUnderThePrefixExpireAfterTheirDays() {
        s3.createBucket(b -> b.bucket("lc-expire"));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-expire").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("logs").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("logs/")).expiration(e -> e.days(2)).build())));
        s3.putObject(r -> r.bucket("lc-expire").key("logs/a.log"), RequestBody.fromString("a"));
        s3.putObject(r -> r.bucket("lc-expire").key("keep.txt"), RequestBody.fromString("k"));

        cloudjar.advanceClock(Duration.ofDays(1));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("lc-expire").key("logs/a.log")).asUtf8String()).isEqualTo("a");
        cloudjar.advanceClock(Duration.ofDays(2));
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(r -> r.bucket("lc-expire").key("logs/a.log")));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("lc-expire").key("keep.txt")).asUtf8String()).isEqualTo("k");
    }

    @Test
    void aVersionedBucketHidesExpiredObjectsAndDropsOldVersions() {
        s3.createBucket(b -> b.bucket("lc-versions"));
        s3.putBucketVersioning(r -> r.bucket("lc-versions").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("lc-versions").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("all").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .expiration(e -> e.days(10)).noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build())));
        String v1 = s3.putObject(r -> r.bucket("lc-versions").key("k"), RequestBody.fromString("1")).versionId();
        s3.putObject(r -> r.bucket("lc-versions").key("k"), RequestBody.fromString("2"));

        cloudjar.advanceClock(Duration.ofDays(3));
        assertS3Error(404, "NoSuchVersion", () -> s3.getObject(r -> r.bucket("lc-versions").key("k").versionId(v1)));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("lc-versions").key("k")).asUtf8String()).isEqualTo("2");

        cloudjar.advanceClock(Duration.ofDays(10));
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(r -> r.bucket("lc-versions").key("k")));
        assertThat(s3.listObjectVersions(r -> r.bucket("lc-versions")).deleteMarkers()).hasSize(1);
    }
}
