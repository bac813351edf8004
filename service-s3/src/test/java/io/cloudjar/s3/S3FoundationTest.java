package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3FoundationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return Stream.of(Arguments.of("path", S3Clients.pathStyle(cloudjar)), Arguments.of("virtual-host", S3Clients.virtualHost(cloudjar)));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void objectsRoundTripWithMetadata(String style, S3Client s3) {
        String bucket = "round-trip-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);
        var put = s3.putObject(r -> r.bucket(bucket).key("dir/a b+c.bin").contentType("application/x-test").metadata(Map.of("Owner", "kim")),
                RequestBody.fromBytes(body));
        assertThat(put.eTag()).matches("\"[0-9a-f]{32}\"");

        var got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("dir/a b+c.bin"));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(got.response().contentType()).isEqualTo("application/x-test");
        assertThat(got.response().metadata()).containsEntry("owner", "kim");
        assertThat(got.response().eTag()).isEqualTo(put.eTag());

        var head = s3.headObject(r -> r.bucket(bucket).key("dir/a b+c.bin"));
        assertThat(head.contentLength()).isEqualTo(body.length);

        var range = s3.getObjectAsBytes(r -> r.bucket(bucket).key("dir/a b+c.bin").range("bytes=10-19"));
        assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(body, 10, 20));
        assertThat(range.response().contentRange()).isEqualTo("bytes 10-19/300000");

        s3.deleteObject(r -> r.bucket(bucket).key("dir/a b+c.bin"));
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("dir/a b+c.bin")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.getObject(r -> r.bucket(bucket).key("dir/a b+c.bin")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void listObjectsV2PagesWithPrefixesAndDelimiter(String style, S3Client s3) {
        String bucket = "listing-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : new String[] {"a/1", "a/2", "b/1", "c", "d"}) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        var top = s3.listObjectsV2(r -> r.bucket(bucket).delimiter("/"));
        assertThat(top.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "b/");
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("c", "d");
        assertThat(top.keyCount()).isEqualTo(4);

        var page1 = s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(2));
        assertThat(page1.isTruncated()).isTrue();
        assertThat(page1.contents()).extracting(S3Object::key).containsExactly("a/1", "a/2");
        var page2 = s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(2).continuationToken(page1.nextContinuationToken()));
        assertThat(page2.contents()).extracting(S3Object::key).containsExactly("b/1", "c");
        assertThat(s3.listObjectsV2Paginator(r -> r.bucket(bucket).maxKeys(2).delimiter("/")).contents().stream().map(S3Object::key))
                .containsExactly("c", "d");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("a/")).contents()).hasSize(2);
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).startAfter("b/1")).contents()).extracting(S3Object::key).containsExactly("c", "d");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void bucketErrorsAreS3Errors(String style, S3Client s3) {
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("xn--reserved-prefix")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
                });
        assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("no-such-bucket-" + style)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                });
        String bucket = "busy-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("v"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
    }

    @org.junit.jupiter.api.Test
    void asyncClientUploadsAndDownloadsWithChunkedChecksums() throws Exception {
        try (var s3 = S3Clients.async(cloudjar)) {
            s3.createBucket(b -> b.bucket("async-bucket")).get();
            byte[] body = "hello async world".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            s3.putObject(r -> r.bucket("async-bucket").key("k"), software.amazon.awssdk.core.async.AsyncRequestBody.fromBytes(body)).get();
            var got = s3.getObject(r -> r.bucket("async-bucket").key("k"),
                    software.amazon.awssdk.core.async.AsyncResponseTransformer.toBytes()).get();
            assertThat(got.asByteArray()).isEqualTo(body);
        }
    }
}
