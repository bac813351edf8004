package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

class VersioningTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    private static void enable(S3Client s3, String bucket) {
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void enabledBucketKeepsEveryVersionAndReadsThemById(String style, S3Client s3) {
        String bucket = "versions-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        assertThat(s3.getBucketVersioning(r -> r.bucket(bucket)).status()).isNull();
        enable(s3, bucket);
        assertThat(s3.getBucketVersioning(r -> r.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);

        String v1 = s3.putObject(r -> r.bucket(bucket).key("doc"), RequestBody.fromString("one")).versionId();
        String v2 = s3.putObject(r -> r.bucket(bucket).key("doc"), RequestBody.fromString("two")).versionId();
        assertThat(v1).isNotBlank().isNotEqualTo(v2).matches("[A-Za-z0-9._]{32}");

        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("doc")).asUtf8String()).isEqualTo("two");
        var old = s3.getObjectAsBytes(r -> r.bucket(bucket).key("doc").versionId(v1));
        assertThat(old.asUtf8String()).isEqualTo("one");
        assertThat(old.response().versionId()).isEqualTo(v1);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("doc").versionId(v2)).versionId()).isEqualTo(v2);

        assertS3Error(404, "NoSuchVersion", () -> s3.getObject(r -> r.bucket(bucket).key("doc").versionId("X".repeat(32))));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void deleteMarkersHideTheKeyUntilTheyAreRemoved(String style, S3Client s3) {
        String bucket = "markers-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        enable(s3, bucket);
        String v1 = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("data")).versionId();

        var deleted = s3.deleteObject(r -> r.bucket(bucket).key("k"));
        assertThat(deleted.deleteMarker()).isTrue();
        String marker = deleted.versionId();
        assertThat(marker).isNotEqualTo(v1);

        var gone = assertS3Error(404, "NoSuchKey", () -> s3.getObject(r -> r.bucket(bucket).key("k")));
        assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).contains(marker);
        assertS3Error(405, "MethodNotAllowed", () -> s3.getObject(r -> r.bucket(bucket).key("k").versionId(marker)));
        assertS3Error(405, null, () -> s3.headObject(r -> r.bucket(bucket).key("k").versionId(marker)));
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(v1)).asUtf8String()).isEqualTo("data");

        var removed = s3.deleteObject(r -> r.bucket(bucket).key("k").versionId(marker));
        assertThat(removed.deleteMarker()).isTrue();
        assertThat(removed.versionId()).isEqualTo(marker);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("data");

        s3.deleteObject(r -> r.bucket(bucket).key("k").versionId(v1));
        assertThat(s3.listObjectVersions(r -> r.bucket(bucket)).versions()).isEmpty();
        s3.deleteBucket(r -> r.bucket(bucket));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void suspendedBucketOverwritesTheNullVersionAndKeepsOlderOnes(String style, S3Client s3) {
        String bucket = "suspended-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("before versioning"));
        enable(s3, bucket);
        String v1 = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("versioned")).versionId();
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("suspended 1"));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("suspended 2"));

        List<ObjectVersion> versions = s3.listObjectVersions(r -> r.bucket(bucket)).versions();
        assertThat(versions).extracting(ObjectVersion::versionId).containsExactly("null", v1);
        assertThat(versions.get(0).isLatest()).isTrue();
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId("null")).asUtf8String()).isEqualTo("suspended 2");

        var marker = s3.deleteObject(r -> r.bucket(bucket).key("k"));
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(marker.versionId()).isEqualTo("null");
        ListObjectVersionsResponse after = s3.listObjectVersions(r -> r.bucket(bucket));
        assertThat(after.deleteMarkers()).extracting(DeleteMarkerEntry::versionId).containsExactly("null");
        assertThat(after.versions()).extracting(ObjectVersion::versionId).containsExactly(v1);
        assertThat(s3.getBucketVersioning(r -> r.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void listObjectVersionsPagesWithKeyAndVersionIdMarkers(String style, S3Client s3) {
        String bucket = "version-pages-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        enable(s3, bucket);
        for (String key : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 3; i++) {
                String body = key + i;
                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
            }
        }
        s3.deleteObject(r -> r.bucket(bucket).key("b"));

        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        int pages = 0;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            var page = s3.listObjectVersions(r -> r.bucket(bucket).maxKeys(2).keyMarker(km).versionIdMarker(vm));
            page.versions().forEach(v -> seen.add(v.key() + ":" + v.versionId()));
            page.deleteMarkers().forEach(m -> seen.add(m.key() + ":marker"));
            pages++;
            if (!page.isTruncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(10).doesNotHaveDuplicates();
        assertThat(s3.listObjectVersionsPaginator(r -> r.bucket(bucket).maxKeys(3)).versions()).hasSize(9);
        var latest = s3.listObjectVersions(r -> r.bucket(bucket).prefix("a"));
        assertThat(latest.versions()).filteredOn(ObjectVersion::isLatest).hasSize(1);
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("a", "c");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void mfaDeleteFlagIsStoredAndGuardsVersionDeletes(String style, S3Client s3) {
        String bucket = "mfa-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).mfa("arn:aws:iam::000000000000:mfa/root 123456")
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED)));
        var config = s3.getBucketVersioning(r -> r.bucket(bucket));
        assertThat(config.mfaDeleteAsString()).isEqualTo("Enabled");
        String v1 = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("x")).versionId();
        assertS3Error(403, "AccessDenied", () -> s3.deleteObject(r -> r.bucket(bucket).key("k").versionId(v1)));
        assertS3Error(400, "InvalidRequest", () -> s3.putBucketVersioning(r -> r.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.DISABLED))));
    }
}
