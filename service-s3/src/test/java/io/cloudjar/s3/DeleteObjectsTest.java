package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

class DeleteObjectsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    private static ObjectIdentifier id(String key) {
        return ObjectIdentifier.builder().key(key).build();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void deletesManyKeysAndReportsEachOrOnlyErrorsWhenQuiet(String style, S3Client s3) {
        String bucket = "bulk-delete-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        IntStream.range(0, 5).forEach(i -> s3.putObject(r -> r.bucket(bucket).key("k" + i), RequestBody.fromString("x")));

        var verbose = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(id("k0"), id("k1"), id("never-existed"))));
        assertThat(verbose.deleted()).extracting(DeletedObject::key).containsExactly("k0", "k1", "never-existed");
        assertThat(verbose.errors()).isEmpty();

        var quiet = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.quiet(true).objects(id("k2"), id("k3"))));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void versionedDeletesReportMarkersAndPerKeyErrors(String style, S3Client s3) {
        String bucket = "bulk-versions-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(r -> r.bucket(bucket).key("a"), RequestBody.fromString("x")).versionId();
        s3.putObject(r -> r.bucket(bucket).key("b"), RequestBody.fromString("x"));

        var result = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").versionId(v1).build(), id("b"))));
        assertThat(result.deleted()).hasSize(2);
        DeletedObject a = result.deleted().get(0);
        assertThat(a.versionId()).isEqualTo(v1);
        DeletedObject b = result.deleted().get(1);
        assertThat(b.deleteMarker()).isTrue();
        assertThat(b.deleteMarkerVersionId()).isNotBlank();

        s3.putBucketVersioning(r -> r.bucket(bucket).mfa("serial 123456")
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED)));
        String v2 = s3.putObject(r -> r.bucket(bucket).key("c"), RequestBody.fromString("x")).versionId();
        var guarded = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("c").versionId(v2).build(), id("d"))));
        List<S3Error> errors = guarded.errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).key()).isEqualTo("c");
        assertThat(errors.get(0).code()).isEqualTo("AccessDenied");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("c").versionId(v2)).versionId()).isEqualTo(v2);
    }
}
