package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A copy whose source is overwritten between looking the source up and opening its body (the overwrite
 * deletes that body's file): the copy reads the new version instead of failing with 500. The overwrite is
 * made to land exactly there, so the race is not left to chance.
 */
class CopySourceRaceTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final String BUCKET = "copy-race";
    /** The SDK retries a 500; this client does not, so one failed attempt shows. */
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = cloudjar.client(S3Client.builder().forcePathStyle(true)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void noMoreOverwrites() {
        OpenedSource.betweenLookupAndOpen = found -> { };
    }

    /** Overwrites {@code key} with {@code body} the first time a copy has looked its source up; counts the lookups. */
    private static AtomicInteger overwriteOnce(String key, String body) {
        AtomicInteger lookups = new AtomicInteger();
        OpenedSource.betweenLookupAndOpen = found -> {
            if (lookups.getAndIncrement() == 0) {
                s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(body));
            }
        };
        return lookups;
    }

    @Test
    void copyObjectCopiesTheVersionThatReplacedItsSource() {
        s3.putObject(r -> r.bucket(BUCKET).key("source"), RequestBody.fromString("old body"));
        AtomicInteger lookups = overwriteOnce("source", "new body");

        var copied = s3.copyObject(r -> r.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET).destinationKey("copy"));

        assertThat(lookups).as("looked up again after the overwrite").hasValue(2);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("copy")).asUtf8String()).isEqualTo("new body");
        assertThat(copied.copyObjectResult().eTag()).isEqualTo(s3.headObject(r -> r.bucket(BUCKET).key("source")).eTag());
    }

    @Test
    void uploadPartCopyCopiesTheRangeOfTheVersionThatReplacedItsSource() {
        s3.putObject(r -> r.bucket(BUCKET).key("part-source"), RequestBody.fromString("0123456789"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("joined")).uploadId();
        AtomicInteger lookups = overwriteOnce("part-source", "abcdefghij");

        var part = s3.uploadPartCopy(r -> r.sourceBucket(BUCKET).sourceKey("part-source").copySourceRange("bytes=2-5")
                .destinationBucket(BUCKET).destinationKey("joined").uploadId(uploadId).partNumber(1));
        s3.completeMultipartUpload(r -> r.bucket(BUCKET).key("joined").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part.copyPartResult().eTag()))));

        assertThat(lookups).hasValue(2);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("joined")).asUtf8String()).isEqualTo("cdef");
    }

    @Test
    void aVersionNamedByIdAndDeletedMeanwhileIsNoSuchVersion() {
        String bucket = "copy-race-versions";
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        String version = s3.putObject(r -> r.bucket(bucket).key("source"), RequestBody.fromString("v1")).versionId();
        OpenedSource.betweenLookupAndOpen = found -> s3.deleteObject(r -> r.bucket(bucket).key("source").versionId(version));

        assertS3Error(404, "NoSuchVersion", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("source")
                .sourceVersionId(version).destinationBucket(bucket).destinationKey("copy")));
    }
}
