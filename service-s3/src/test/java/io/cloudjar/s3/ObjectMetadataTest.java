package io.cloudjar.s3;

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
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The entity headers and user metadata an object is created with come back on every GET and HEAD. */
class ObjectMetadataTest {
    private static final Instant EXPIRES = Instant.parse("2031-05-06T07:08:09Z");

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void entityHeadersAndUserMetadataAreStoredAsSent(String style, S3Client s3) {
        String bucket = "metadata-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("page.html.gz").contentType("text/html; charset=utf-8").contentEncoding("gzip")
                .contentDisposition("inline; filename=\"page.html\"").contentLanguage("en-GB").cacheControl("public, max-age=300")
                .expires(EXPIRES).websiteRedirectLocation("/elsewhere.html")
                .metadata(Map.of("Author", "Kim", "build-id", "42")), RequestBody.fromString("<html/>"));
        assertHeaders(s3.getObject(r -> r.bucket(bucket).key("page.html.gz")).response());
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("page.html.gz"));
        assertThat(head.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(head.contentEncoding()).isEqualTo("gzip");
        assertThat(head.websiteRedirectLocation()).isEqualTo("/elsewhere.html");
        assertThat(head.metadata()).containsOnly(Map.entry("author", "Kim"), Map.entry("build-id", "42"));

        // an override changes one answer only
        var overridden = s3.getObject(r -> r.bucket(bucket).key("page.html.gz").responseExpires(Instant.parse("2040-01-01T00:00:00Z")))
                .response();
        assertThat(overridden.expires()).isEqualTo(Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("page.html.gz")).expires()).isEqualTo(EXPIRES);

        s3.putObject(r -> r.bucket(bucket).key("bare"), RequestBody.fromString("x"));
        HeadObjectResponse bare = s3.headObject(r -> r.bucket(bucket).key("bare"));
        assertThat(bare.contentEncoding()).isNull();
        assertThat(bare.metadata()).isEmpty();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void multipartObjectsKeepTheHeadersOfTheirUpload(String style, S3Client s3) {
        String bucket = "mpu-metadata-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String id = s3.createMultipartUpload(r -> r.bucket(bucket).key("page.html.gz").contentType("text/html; charset=utf-8")
                .contentEncoding("gzip").contentDisposition("inline; filename=\"page.html\"").contentLanguage("en-GB")
                .cacheControl("public, max-age=300").expires(EXPIRES).websiteRedirectLocation("/elsewhere.html")
                .metadata(Map.of("Author", "Kim", "build-id", "42"))).uploadId();
        String etag = s3.uploadPart(r -> r.bucket(bucket).key("page.html.gz").uploadId(id).partNumber(1),
                RequestBody.fromString("<html/>")).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key("page.html.gz").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertHeaders(s3.getObject(r -> r.bucket(bucket).key("page.html.gz")).response());
    }

    private static void assertHeaders(GetObjectResponse got) {
        assertThat(got.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(got.contentEncoding()).isEqualTo("gzip");
        assertThat(got.contentDisposition()).isEqualTo("inline; filename=\"page.html\"");
        assertThat(got.contentLanguage()).isEqualTo("en-GB");
        assertThat(got.cacheControl()).isEqualTo("public, max-age=300");
        assertThat(got.expires()).isEqualTo(EXPIRES);
        assertThat(got.websiteRedirectLocation()).isEqualTo("/elsewhere.html");
        assertThat(got.metadata()).containsOnly(Map.entry("author", "Kim"), Map.entry("build-id", "42"));
    }
}
