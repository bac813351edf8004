package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;

/** Storage classes, and archived objects that must be restored (on the emulator clock) before a GET. */
class StorageClassTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void glacierObjectsAreReadableOnlyWhileRestored(String style, S3Client s3) {
        String bucket = "archive-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("cold").storageClass(StorageClass.GLACIER), RequestBody.fromString("frozen"));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("cold")).storageClass()).isEqualTo(StorageClass.GLACIER);
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::storageClassAsString).containsExactly("GLACIER");
        assertS3Error(403, "InvalidObjectState", () -> s3.getObject(r -> r.bucket(bucket).key("cold")));
        assertS3Error(403, "ObjectNotInActiveTierError", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("cold")
                .destinationBucket(bucket).destinationKey("warm")));

        var started = s3.restoreObject(r -> r.bucket(bucket).key("cold").restoreRequest(q -> q.days(2)
                .glacierJobParameters(j -> j.tier(Tier.STANDARD))));
        assertThat(started.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertS3Error(409, "RestoreAlreadyInProgress", () -> s3.restoreObject(r -> r.bucket(bucket).key("cold")
                .restoreRequest(q -> q.days(2))));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("cold")).restore()).isEqualTo("ongoing-request=\"true\"");
        assertS3Error(403, "InvalidObjectState", () -> s3.getObject(r -> r.bucket(bucket).key("cold")));

        cloudjar.advanceClock(Duration.ofHours(4).plusMinutes(1));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("cold")).restore()).startsWith("ongoing-request=\"false\", expiry-date=\"");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("cold")).asUtf8String()).isEqualTo("frozen");
        var extended = s3.restoreObject(r -> r.bucket(bucket).key("cold").restoreRequest(q -> q.days(1)));
        assertThat(extended.sdkHttpResponse().statusCode()).isEqualTo(200);

        cloudjar.advanceClock(Duration.ofDays(3));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("cold")).restore()).isNull();
        assertS3Error(403, "InvalidObjectState", () -> s3.getObject(r -> r.bucket(bucket).key("cold")));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void storageClassRulesFollowS3(String style, S3Client s3) {
        String bucket = "classes-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        for (StorageClass c : new StorageClass[] {StorageClass.STANDARD_IA, StorageClass.ONEZONE_IA, StorageClass.INTELLIGENT_TIERING,
                StorageClass.REDUCED_REDUNDANCY, StorageClass.GLACIER_IR}) {
            s3.putObject(r -> r.bucket(bucket).key(c.toString()).storageClass(c), RequestBody.fromString("x"));
            assertThat(s3.getObject(r -> r.bucket(bucket).key(c.toString())).response().storageClass()).isEqualTo(c);
        }
        s3.putObject(r -> r.bucket(bucket).key("std"), RequestBody.fromString("x"));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("std")).storageClass()).isNull(); // S3 omits STANDARD
        assertS3Error(400, "InvalidStorageClass", () -> s3.putObject(r -> r.bucket(bucket).key("bad").storageClass("FROZEN"),
                RequestBody.fromString("x")));
        assertS3Error(400, "InvalidStorageClass", () -> s3.putObject(r -> r.bucket(bucket).key("bad")
                .storageClass(StorageClass.EXPRESS_ONEZONE), RequestBody.fromString("x")));
        assertS3Error(403, "InvalidObjectState", () -> s3.restoreObject(r -> r.bucket(bucket).key("std").restoreRequest(q -> q.days(1))));
        s3.putObject(r -> r.bucket(bucket).key("deep").storageClass(StorageClass.DEEP_ARCHIVE), RequestBody.fromString("x"));
        assertS3Error(400, "InvalidArgument", () -> s3.restoreObject(r -> r.bucket(bucket).key("deep").restoreRequest(q -> q.days(1)
                .glacierJobParameters(j -> j.tier(Tier.EXPEDITED)))));
        assertThat(s3.restoreObject(r -> r.bucket(bucket).key("deep").restoreRequest(q -> q.days(1)
                .glacierJobParameters(j -> j.tier(Tier.BULK)))).sdkHttpResponse().statusCode()).isEqualTo(202);
    }
}
