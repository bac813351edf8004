package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ranges, conditional reads (304/412), conditional writes and response header overrides. */
class ConditionalRequestsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void rangesServePartialContentOrInvalidRange(String style, S3Client s3) {
        String bucket = "ranges-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("0123456789"));
        var tail = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").range("bytes=-3"));
        assertThat(tail.asUtf8String()).isEqualTo("789");
        assertThat(tail.response().contentRange()).isEqualTo("bytes 7-9/10");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").range("bytes=4-")).asUtf8String()).isEqualTo("456789");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
        var invalid = assertS3Error(416, "InvalidRange", () -> s3.getObject(r -> r.bucket(bucket).key("k").range("bytes=10-12")));
        assertThat(invalid.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Content-Range")).contains("bytes */10");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void conditionalReadsAnswer304And412(String style, S3Client s3) {
        String bucket = "conditional-reads-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String etag = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("v")).eTag();
        Instant past = Instant.now().minusSeconds(3600);
        Instant future = Instant.now().plusSeconds(3600);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").ifMatch(etag)).asUtf8String()).isEqualTo("v");
        assertS3Error(412, "PreconditionFailed", () -> s3.getObject(r -> r.bucket(bucket).key("k").ifMatch("\"nope\"")));
        assertS3Error(412, "PreconditionFailed", () -> s3.getObject(r -> r.bucket(bucket).key("k").ifUnmodifiedSince(past)));
        assertS3Error(304, null, () -> s3.getObject(r -> r.bucket(bucket).key("k").ifNoneMatch(etag)));
        assertS3Error(304, null, () -> s3.getObject(r -> r.bucket(bucket).key("k").ifModifiedSince(future)));
        assertS3Error(304, null, () -> s3.headObject(r -> r.bucket(bucket).key("k").ifNoneMatch(etag)));
        assertS3Error(412, null, () -> s3.headObject(r -> r.bucket(bucket).key("k").ifMatch("\"nope\"")));
        // If-Match true overrides a false If-Unmodified-Since; If-None-Match false overrides If-Modified-Since
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").ifMatch(etag).ifUnmodifiedSince(past)).asUtf8String()).isEqualTo("v");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").ifNoneMatch("\"other\"").ifModifiedSince(future))
                .asUtf8String()).isEqualTo("v");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void conditionalWritesRefuseToOverwriteOrToWriteStale(String style, S3Client s3) {
        String bucket = "conditional-writes-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String etag = s3.putObject(r -> r.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("first")).eTag();
        assertS3Error(412, "PreconditionFailed", () -> s3.putObject(r -> r.bucket(bucket).key("k").ifNoneMatch("*"),
                RequestBody.fromString("second")));
        assertS3Error(412, "PreconditionFailed", () -> s3.putObject(r -> r.bucket(bucket).key("k").ifMatch("\"stale\""),
                RequestBody.fromString("third")));
        assertS3Error(404, "NoSuchKey", () -> s3.putObject(r -> r.bucket(bucket).key("absent").ifMatch(etag),
                RequestBody.fromString("x")));
        String next = s3.putObject(r -> r.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromString("fourth")).eTag();
        assertThat(next).isNotEqualTo(etag);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("fourth");
        String upload = s3.createMultipartUpload(r -> r.bucket(bucket).key("k")).uploadId();
        String part = s3.uploadPart(r -> r.bucket(bucket).key("k").uploadId(upload).partNumber(1), RequestBody.fromString("mpu")).eTag();
        assertS3Error(412, "PreconditionFailed", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(upload)
                .ifNoneMatch("*").multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
        // the upload survives a failed condition and can complete unconditionally
        s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(upload).multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("mpu");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void responseHeaderOverridesReplaceStoredHeadersForOneAnswer(String style, S3Client s3) {
        String bucket = "overrides-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("k").contentType("text/plain").cacheControl("no-cache"), RequestBody.fromString("v"));
        var got = s3.getObject(r -> r.bucket(bucket).key("k").responseContentType("application/x-download")
                .responseContentDisposition("attachment; filename=\"v.txt\"").responseCacheControl("max-age=60")
                .responseContentLanguage("de").responseContentEncoding("identity")).response();
        assertThat(got.contentType()).isEqualTo("application/x-download");
        assertThat(got.contentDisposition()).isEqualTo("attachment; filename=\"v.txt\"");
        assertThat(got.cacheControl()).isEqualTo("max-age=60");
        assertThat(got.contentLanguage()).isEqualTo("de");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).contentType()).isEqualTo("text/plain");
    }
}
