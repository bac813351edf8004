package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

class CopyObjectTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void copyKeepsOrReplacesMetadataAndTagsByDirective(String style, S3Client s3) {
        String bucket = "copies-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("src/a b.txt").contentType("text/plain").metadata(Map.of("color", "red"))
                .tagging("team=web&tier=1"), RequestBody.fromString("payload"));

        var copied = s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src/a b.txt").destinationBucket(bucket).destinationKey("dst/copy"));
        assertThat(copied.copyObjectResult().eTag()).isEqualTo(s3.headObject(r -> r.bucket(bucket).key("src/a b.txt")).eTag());
        var head = s3.headObject(r -> r.bucket(bucket).key("dst/copy"));
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.metadata()).containsEntry("color", "red");
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("dst/copy")).tagSet()).extracting(Tag::key).containsExactly("team", "tier");

        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src/a b.txt").destinationBucket(bucket).destinationKey("dst/replaced")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/json").metadata(Map.of("shape", "round"))
                .taggingDirective(TaggingDirective.REPLACE).tagging("new=yes"));
        var replaced = s3.headObject(r -> r.bucket(bucket).key("dst/replaced"));
        assertThat(replaced.contentType()).isEqualTo("application/json");
        assertThat(replaced.metadata()).containsExactly(Map.entry("shape", "round"));
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("dst/replaced")).tagSet())
                .containsExactly(Tag.builder().key("new").value("yes").build());
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("dst/replaced")).asUtf8String()).isEqualTo("payload");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void copySourceConditionsFailWith412(String style, S3Client s3) {
        String bucket = "copy-conditions-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String etag = s3.putObject(r -> r.bucket(bucket).key("src"), RequestBody.fromString("x")).eTag();
        assertS3Error(412, "PreconditionFailed", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("d1").copySourceIfMatch("\"0123\"")));
        assertS3Error(412, "PreconditionFailed", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("d2").copySourceIfNoneMatch(etag)));
        assertS3Error(412, "PreconditionFailed", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("d3").copySourceIfModifiedSince(Instant.now().plusSeconds(3600))));
        // a matching ETag wins over a failing date condition, as S3 documents
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("d4")
                .copySourceIfMatch(etag).copySourceIfUnmodifiedSince(Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("d4")).eTag()).isEqualTo(etag);
        assertS3Error(404, "NoSuchKey", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("missing")
                .destinationBucket(bucket).destinationKey("d5")));
        assertS3Error(404, "NoSuchBucket", () -> s3.copyObject(r -> r.sourceBucket("no-such-source-" + style).sourceKey("k")
                .destinationBucket(bucket).destinationKey("d6")));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void copyOntoItselfNeedsAChange(String style, S3Client s3) {
        String bucket = "self-copy-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k").metadata(Map.of("v", "1")), RequestBody.fromString("x"));
        assertS3Error(400, "InvalidRequest", () -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("k")
                .destinationBucket(bucket).destinationKey("k")));
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket).destinationKey("k")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("v", "2")));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).metadata()).containsEntry("v", "2");
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket).destinationKey("k")
                .storageClass(StorageClass.STANDARD_IA));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void copiesAnOlderVersionAsTheNewestOne(String style, S3Client s3) {
        String bucket = "copy-versions-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("first")).versionId();
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("second"));
        var restored = s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("k").sourceVersionId(v1)
                .destinationBucket(bucket).destinationKey("k"));
        assertThat(restored.copySourceVersionId()).isEqualTo(v1);
        assertThat(restored.versionId()).isNotEqualTo(v1).isNotBlank();
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("first");
        assertThat(s3.listObjectVersions(r -> r.bucket(bucket)).versions()).hasSize(3);
    }
}
