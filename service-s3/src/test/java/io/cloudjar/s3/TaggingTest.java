package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
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
import software.amazon.awssdk.services.s3.model.Tag;

class TaggingTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void tagsFromPutHeaderCanBeReplacedAndDeletedWithoutTouchingTheObject(String style, S3Client s3) {
        String bucket = "tags-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        var put = s3.putObject(r -> r.bucket(bucket).key("k").tagging("a=1&b=two%20words"), RequestBody.fromString("x"));
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("k")).tagSet()).containsExactly(tag("a", "1"), tag("b", "two words"));
        assertThat(s3.getObject(r -> r.bucket(bucket).key("k")).response().tagCount()).isEqualTo(2);

        s3.putObjectTagging(r -> r.bucket(bucket).key("k").tagging(t -> t.tagSet(tag("env", "prod"))));
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("k")).tagSet()).containsExactly(tag("env", "prod"));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).eTag()).isEqualTo(put.eTag());

        s3.deleteObjectTagging(r -> r.bucket(bucket).key("k"));
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("k")).tagSet()).isEmpty();
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectTagging(r -> r.bucket(bucket).key("missing")));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void tagsBelongToOneVersion(String style, S3Client s3) {
        String bucket = "version-tags-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(r -> r.bucket(bucket).key("k").tagging("gen=1"), RequestBody.fromString("1")).versionId();
        String v2 = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("2")).versionId();
        var tagged = s3.putObjectTagging(r -> r.bucket(bucket).key("k").versionId(v1).tagging(t -> t.tagSet(tag("gen", "old"))));
        assertThat(tagged.versionId()).isEqualTo(v1);
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("k").versionId(v1)).tagSet()).containsExactly(tag("gen", "old"));
        var latest = s3.getObjectTagging(r -> r.bucket(bucket).key("k"));
        assertThat(latest.versionId()).isEqualTo(v2);
        assertThat(latest.tagSet()).isEmpty();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void invalidTagSetsAreRefused(String style, S3Client s3) {
        String bucket = "bad-tags-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("x"));
        List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toList();
        assertS3Error(400, "InvalidTag", () -> s3.putObjectTagging(r -> r.bucket(bucket).key("k").tagging(t -> t.tagSet(eleven))));
        assertS3Error(400, "InvalidTag", () -> s3.putObjectTagging(r -> r.bucket(bucket).key("k")
                .tagging(t -> t.tagSet(tag("x".repeat(129), "v")))));
        assertS3Error(400, "InvalidTag", () -> s3.putObject(r -> r.bucket(bucket).key("k2").tagging("a=1&a=2"), RequestBody.fromString("x")));
    }
}
