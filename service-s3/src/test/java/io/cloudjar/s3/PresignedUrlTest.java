package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs from the SDK's presigner, used with plain {@code java.net.http}: GET, PUT, HEAD and DELETE
 * work while the signature holds; an expired URL is AccessDenied, a changed one SignatureDoesNotMatch.
 */
class PresignedUrlTest {
    private static final Duration VALID = Duration.ofMinutes(30);

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Stream<Arguments> styles() {
        return Stream.of(Arguments.of("path", presigner(true, "test")), Arguments.of("virtual-host", presigner(false, "test")));
    }

    private static S3Presigner presigner(boolean pathStyle, String secret) {
        return S3Presigner.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", secret)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }

    @BeforeAll
    static void buckets() {
        try (S3Client s3 = S3Clients.pathStyle(cloudjar)) {
            s3.createBucket(b -> b.bucket("presigned-path"));
            s3.createBucket(b -> b.bucket("presigned-virtual-host"));
        }
    }

    /** Sends to the server's port whatever host the URL names, as DNS would for {@code *.localhost}. */
    private static HttpResponse<String> send(String method, URL url, HttpRequest.BodyPublisher body, String... headers) throws Exception {
        URI direct = URI.create("http://127.0.0.1:" + cloudjar.port() + url.getFile());
        HttpRequest.Builder request = HttpRequest.newBuilder(direct).method(method, body)
                .header("Host", url.getHost() + ":" + url.getPort());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void presignedRequestsWorkWithPlainHttp(String style, S3Presigner presigner) throws Exception {
        String bucket = "presigned-" + style;
        URL put = presigner.presignPutObject(p -> p.signatureDuration(VALID)
                .putObjectRequest(r -> r.bucket(bucket).key("dir/report 1.txt").contentType("text/plain"))).url();
        HttpResponse<String> uploaded = send("PUT", put, HttpRequest.BodyPublishers.ofString("hello presigned"),
                "Content-Type", "text/plain");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        URL get = presigner.presignGetObject(p -> p.signatureDuration(VALID).getObjectRequest(r -> r.bucket(bucket).key("dir/report 1.txt")
                .responseContentDisposition("attachment"))).url();
        HttpResponse<String> read = send("GET", get, HttpRequest.BodyPublishers.noBody());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("hello presigned");
        assertThat(read.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(read.headers().firstValue("Content-Disposition")).contains("attachment");

        URL head = presigner.presignHeadObject(p -> p.signatureDuration(VALID).headObjectRequest(r -> r.bucket(bucket).key("dir/report 1.txt"))).url();
        assertThat(send("HEAD", head, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);

        URL delete = presigner.presignDeleteObject(p -> p.signatureDuration(VALID)
                .deleteObjectRequest(r -> r.bucket(bucket).key("dir/report 1.txt"))).url();
        assertThat(send("DELETE", delete, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(204);
        assertThat(send("GET", get, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void changedUrlsAndWrongKeysDoNotMatchTheSignature(String style, S3Presigner presigner) throws Exception {
        String bucket = "presigned-" + style;
        try (S3Client s3 = S3Clients.pathStyle(cloudjar)) {
            s3.putObject(r -> r.bucket(bucket).key("a"), RequestBody.fromString("a"));
            s3.putObject(r -> r.bucket(bucket).key("b"), RequestBody.fromString("b"));
        }
        URL get = presigner.presignGetObject(p -> p.signatureDuration(VALID).getObjectRequest(r -> r.bucket(bucket).key("a"))).url();
        assertThat(send("GET", get, HttpRequest.BodyPublishers.noBody()).body()).isEqualTo("a");

        URL otherKey = new URL(get.toString().replace("/a?", "/b?"));
        HttpResponse<String> tampered = send("GET", otherKey, HttpRequest.BodyPublishers.noBody());
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        URL longer = new URL(get.toString().replace("X-Amz-Expires=1800", "X-Amz-Expires=3600"));
        assertThat(send("GET", longer, HttpRequest.BodyPublishers.noBody()).body()).contains("<Code>SignatureDoesNotMatch</Code>");

        URL wrongSecret = presigner(style.equals("path"), "not-the-secret").presignGetObject(p -> p.signatureDuration(VALID)
                .getObjectRequest(r -> r.bucket(bucket).key("a"))).url();
        HttpResponse<String> denied = send("GET", wrongSecret, HttpRequest.BodyPublishers.noBody());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void expiredUrlsAreAccessDenied(String style, S3Presigner presigner) throws Exception {
        String bucket = "presigned-" + style;
        try (S3Client s3 = S3Clients.pathStyle(cloudjar)) {
            s3.putObject(r -> r.bucket(bucket).key("short-lived"), RequestBody.fromString("x"));
        }
        // valid for a minute of the server's time, which earlier tests may have moved ahead of the wall clock
        Duration life = cloudjar.server().runtime().clock().offset().plusSeconds(60);
        URL get = presigner.presignGetObject(p -> p.signatureDuration(life)
                .getObjectRequest(r -> r.bucket(bucket).key("short-lived"))).url();
        assertThat(send("GET", get, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        cloudjar.advanceClock(Duration.ofSeconds(120));
        HttpResponse<String> expired = send("GET", get, HttpRequest.BodyPublishers.noBody());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("<Message>Request has expired</Message>")
                .contains("<X-Amz-Expires>" + life.getSeconds() + "</X-Amz-Expires>");
        HttpResponse<String> expiredHead = send("HEAD", get, HttpRequest.BodyPublishers.noBody());
        assertThat(expiredHead.statusCode()).isEqualTo(403);
    }

    /** Presigned URLs for the four methods, valid for {@code life} of the server's time, for {@code key}. */
    private static java.util.Map<String, URL> presignAll(S3Presigner presigner, String bucket, String key, Duration life) {
        return java.util.Map.of(
                "GET", presigner.presignGetObject(p -> p.signatureDuration(life).getObjectRequest(r -> r.bucket(bucket).key(key))).url(),
                "PUT", presigner.presignPutObject(p -> p.signatureDuration(life).putObjectRequest(r -> r.bucket(bucket).key(key))).url(),
                "HEAD", presigner.presignHeadObject(p -> p.signatureDuration(life).headObjectRequest(r -> r.bucket(bucket).key(key))).url(),
                "DELETE", presigner.presignDeleteObject(p -> p.signatureDuration(life)
                        .deleteObjectRequest(r -> r.bucket(bucket).key(key))).url());
    }

    private static HttpResponse<String> sendAs(String method, URL url) throws Exception {
        return send(method, url, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("overwritten")
                : HttpRequest.BodyPublishers.noBody());
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void everyMethodRefusesTamperedAndExpiredUrlsWithoutTouchingTheObject(String style, S3Presigner presigner) throws Exception {
        String bucket = "presigned-" + style;
        try (S3Client s3 = S3Clients.pathStyle(cloudjar)) {
            s3.putObject(r -> r.bucket(bucket).key("guarded"), RequestBody.fromString("original"));
            s3.putObject(r -> r.bucket(bucket).key("victim"), RequestBody.fromString("original"));

            // the same signature used for another key
            for (var entry : presignAll(presigner, bucket, "guarded", VALID).entrySet()) {
                URL other = new URL(entry.getValue().toString().replace("/guarded?", "/victim?"));
                HttpResponse<String> tampered = sendAs(entry.getKey(), other);
                assertThat(tampered.statusCode()).as("tampered %s", entry.getKey()).isEqualTo(403);
                if (!entry.getKey().equals("HEAD")) { // HEAD answers carry no body
                    assertThat(tampered.body()).as("tampered %s", entry.getKey()).contains("<Code>SignatureDoesNotMatch</Code>");
                }
            }
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("victim")).asUtf8String()).isEqualTo("original");

            Duration life = cloudjar.server().runtime().clock().offset().plusSeconds(60);
            var urls = presignAll(presigner, bucket, "guarded", life);
            assertThat(sendAs("HEAD", urls.get("HEAD")).statusCode()).isEqualTo(200);
            cloudjar.advanceClock(Duration.ofSeconds(120));
            for (var entry : urls.entrySet()) {
                HttpResponse<String> expired = sendAs(entry.getKey(), entry.getValue());
                assertThat(expired.statusCode()).as("expired %s", entry.getKey()).isEqualTo(403);
                if (!entry.getKey().equals("HEAD")) {
                    assertThat(expired.body()).as("expired %s", entry.getKey()).contains("<Code>AccessDenied</Code>")
                            .contains("<Message>Request has expired</Message>");
                }
            }
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("guarded")).asUtf8String()).isEqualTo("original");
        }
    }
}
