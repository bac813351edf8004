package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Values S3 would answer as response headers must be header text: a {@code response-*} override or a browser-form
 * field with a control character is refused with 400, and nothing is stored. Should an unsendable value reach the
 * transport anyway, the connection closes and the object's file is closed with it: no client waits forever, no file
 * leaks.
 */
class HeaderValuesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final int TIMEOUT_MILLIS = 30_000; // generous: a hang fails the test instead of stalling it
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("headers"));
        s3.putObject(b -> b.bucket("headers").key("key"), RequestBody.fromString("hello"));
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    @Test
    void aControlCharacterInAResponseOverrideIsInvalidArgumentAndTheConnectionKeepsWorking() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), TIMEOUT_MILLIS)) {
            RawHttp.Response refused = http.send(get("/headers/key?response-content-type=a%0Db")).read();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("<Code>InvalidArgument</Code>")
                    .contains("<ArgumentName>response-content-type</ArgumentName>");

            RawHttp.Response next = http.send(get("/headers/key")).read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("hello");
        }
    }

    @Test
    void refusedOverridesLeaveNoFileOpen() throws Exception {
        long before = RawHttp.openFileDescriptors();
        for (int i = 0; i < 21; i++) {
            try (RawHttp http = new RawHttp(cloudjar.port(), TIMEOUT_MILLIS)) {
                assertThat(http.send(get("/headers/key?response-cache-control=x%0A%0D" + i)).read().status()).isEqualTo(400);
            }
        }
        assertThat(RawHttp.openFileDescriptors()).isLessThan(before + 10);
    }

    @Test
    void anonymousReadsCannotOverrideResponseHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint()
                + "/headers/key?response-content-type=text%2Fplain")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>InvalidRequest</Code>")
                .contains("<Message>Request specific response headers cannot be used for anonymous GET requests.</Message>");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/headers/key")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(s3.getObject(b -> b.bucket("headers").key("key").responseContentType("text/plain")).response().contentType())
                .as("a signed read may").isEqualTo("text/plain");
    }

    @Test
    void overridesBeyondIso88591AreRefusedAsS3Does() {
        S3Exception get = catchThrowableOfType(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("headers").key("key")
                .responseContentDisposition("attachment; filename=\"\u2019quoted\u2019.txt\"")));
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("Header value cannot be represented using ISO-8859-1.");

        S3Exception head = catchThrowableOfType(S3Exception.class,
                () -> s3.headObject(b -> b.bucket("headers").key("key").responseContentType("text/plain\nX-Injected: 1")));
        assertThat(head.statusCode()).isEqualTo(400);

        assertThat(s3.getObjectAsBytes(b -> b.bucket("headers").key("key").responseContentDisposition("attachment; filename=\"café.txt\""))
                .response().contentDisposition()).as("ISO-8859-1 is header text").isEqualTo("attachment; filename=\"café.txt\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-amz-meta-note=a\r\nX: 1", "x-amz-meta-note=a\u0000b", "Content-Type=text/plain\rX: 1",
        "Content-Disposition=inline\n", "x-amz-meta-bad name=value"})
    void aBrowserFormFieldThatCannotBeAHeaderIsRefusedAndNothingIsStored(String field) throws Exception {
        int eq = field.indexOf('=');
        String key = "form-" + Integer.toHexString(field.hashCode());
        HttpResponse<String> response = postForm("headers", Map.of("key", key, field.substring(0, eq), field.substring(eq + 1)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidArgument</Code>");
        assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("headers").key(key)))).isNotNull();
    }

    @Test
    void aRedirectThatCannotBeALocationIsIgnoredAsS3IgnoresAnUninterpretableOne() throws Exception {
        HttpResponse<String> response = postForm("headers", Map.of("key", "redirected",
                "success_action_redirect", "http://example.test/done\r\nX-Injected: 1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-Injected")).isEmpty();
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/headers/redirected");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("headers").key("redirected")).asUtf8String()).isEqualTo("file body");
    }

    @Test
    void userMetadataOverTwoKilobytesIsMetadataTooLarge() {
        String name = "m".repeat(24);
        String fits = "v".repeat(HeaderValues.MAX_METADATA_BYTES - name.length());
        s3.putObject(b -> b.bucket("headers").key("meta-2k").metadata(Map.of(name, fits)), RequestBody.fromString("x"));
        assertThat(s3.headObject(b -> b.bucket("headers").key("meta-2k")).metadata()).containsEntry(name, fits);

        S3Exception tooLarge = catchThrowableOfType(S3Exception.class, () -> s3.putObject(b -> b.bucket("headers").key("meta-over")
                .metadata(Map.of(name, fits + "x")), RequestBody.fromString("x")));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge");
        assertThat(tooLarge.awsErrorDetails().errorMessage()).isEqualTo("Your metadata headers exceed the maximum allowed metadata size.");
        assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("headers").key("meta-over"))))
                .isNotNull();

        S3Exception multipart = catchThrowableOfType(S3Exception.class, () -> s3.createMultipartUpload(b -> b.bucket("headers")
                .key("meta-over").metadata(Map.of(name, fits, "second", "v"))));
        assertThat(multipart.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge");
    }

    @Test
    void anObjectWhoseHeadersCannotBeSentClosesTheConnectionAndItsFile() throws Exception {
        // a value that slipped past input checks (an older store, a future path): the transport must still not hang
        S3State state = S3State.of(cloudjar.server().runtime());
        Bucket bucket = state.buckets().stream().filter(b -> b.name().equals("headers")).findFirst().orElseThrow();
        s3.putObject(b -> b.bucket("headers").key("poisoned"), RequestBody.fromString("body"));
        StoredObject stored = bucket.latest("poisoned");
        ObjectMetadata bad = new ObjectMetadata("text/plain", null, null, null, null, null, null, null, Map.of("note", "a\r\nX: 1"));
        bucket.edit("poisoned", versions -> {
            versions.replace(stored, new StoredObject(stored.key(), stored.versionId(), false, stored.blob(), stored.size(),
                    stored.etag(), stored.lastModified(), bad, stored.checksumAlgorithm(), stored.checksum(), stored.checksumType(),
                    stored.parts(), stored.tags(), stored.ownerAccount(), stored.restore()));
            return null;
        });

        long before = RawHttp.openFileDescriptors();
        for (int i = 0; i < 21; i++) {
            try (RawHttp http = new RawHttp(cloudjar.port(), TIMEOUT_MILLIS)) {
                assertThat(http.send(get("/headers/poisoned")).closedByServer()).isTrue();
            }
            try (RawHttp http = new RawHttp(cloudjar.port(), TIMEOUT_MILLIS)) {
                assertThat(http.send("HEAD /headers/poisoned HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").closedByServer()).isTrue();
            }
        }
        assertThat(RawHttp.openFileDescriptors()).isLessThan(before + 10);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("headers").key("key")).asUtf8String()).as("the server still answers")
                .isEqualTo("hello");
    }

    /** An anonymous browser-form upload (no policy) with these fields and a small file. */
    private static HttpResponse<String> postForm(String bucket, Map<String, String> fields) throws Exception {
        String boundary = "----cloudjarHeaderValues";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile body\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/" + bucket))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
