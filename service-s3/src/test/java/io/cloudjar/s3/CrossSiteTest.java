package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 and web pages of other sites, as a browser meets them: preflights refused as S3 refuses them for a bucket
 * without CORS, no CORS headers anywhere, a signed browser form or presigned URL accepted from any page, and an
 * unsigned form or write from a page of another site refused (curl, sending no Origin, keeps unsigned access).
 */
class CrossSiteTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(java.time.Clock.systemUTC());

    private static final String EVIL = "http://evil.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("pages"));
        s3.putObject(r -> r.bucket("pages").key("public.txt"), RequestBody.fromString("hello"));
    }

    @Test
    void preflightsAreRefusedAsForABucketWithoutCors() throws Exception {
        HttpResponse<String> object = send(HttpRequest.newBuilder(uri("/pages/public.txt")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL).header("Access-Control-Request-Method", "PUT"));
        assertThat(object.statusCode()).isEqualTo(403);
        assertThat(object.body()).contains("<Code>AccessForbidden</Code>")
                .contains("<Message>CORSResponse: CORS is not enabled for this bucket.</Message>")
                .contains("<Method>PUT</Method>").contains("<ResourceType>OBJECT</ResourceType>");
        assertNoCorsHeaders(object);

        HttpResponse<String> bucket = send(HttpRequest.newBuilder(uri("/pages")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET"));
        assertThat(bucket.statusCode()).isEqualTo(403);
        assertThat(bucket.body()).contains("<ResourceType>BUCKET</ResourceType>");

        HttpResponse<String> noOrigin = send(HttpRequest.newBuilder(uri("/pages/x")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(noOrigin.statusCode()).isEqualTo(400);
        assertThat(noOrigin.body()).contains("<Code>BadRequest</Code>").contains("Insufficient information. Origin request header needed.");

        HttpResponse<String> badMethod = send(HttpRequest.newBuilder(uri("/pages/x")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL).header("Access-Control-Request-Method", "PATCH"));
        assertThat(badMethod.statusCode()).isEqualTo(400);
        assertThat(badMethod.body()).contains("Invalid Access-Control-Request-Method: PATCH");
    }

    @Test
    void anonymousReadsStayOpenToAnyPageWithoutCorsHeaders() throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/pages/public.txt")).header("Origin", EVIL));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("hello");
        assertNoCorsHeaders(read);
    }

    @Test
    void unsignedWritesFromAPageOfAnotherSiteAreRefused() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/pages/planted.txt")).header("Origin", EVIL)
                .PUT(HttpRequest.BodyPublishers.ofString("planted")));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("<Code>AccessDenied</Code>");
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/pages/public.txt")).header("Sec-Fetch-Site", "cross-site").DELETE());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(s3.listObjectsV2(r -> r.bucket("pages")).contents()).extracting(o -> o.key())
                .contains("public.txt").doesNotContain("planted.txt");

        HttpResponse<String> local = send(HttpRequest.newBuilder(uri("/pages/local.txt")).header("Origin", "http://localhost:3000")
                .PUT(HttpRequest.BodyPublishers.ofString("mine")));
        assertThat(local.statusCode()).as("a page of this machine is no other site").isEqualTo(200);
    }

    @Test
    void aSignedFormIsAcceptedFromAnyPageAnUnsignedOneOnlyWithoutAForeignOrigin() throws Exception {
        HttpResponse<String> signed = postForm(signedForm("pages", "uploads/signed.txt"), EVIL);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(204);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("pages").key("uploads/signed.txt")).asUtf8String()).isEqualTo("form body");

        HttpResponse<String> unsigned = postForm(Map.of("key", "uploads/unsigned.txt"), EVIL);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>");
        HttpResponse<String> opaque = postForm(Map.of("key", "uploads/unsigned.txt"), "null");
        assertThat(opaque.statusCode()).isEqualTo(403);
        assertThat(s3.listObjectsV2(r -> r.bucket("pages").prefix("uploads/unsigned")).contents()).isEmpty();

        HttpResponse<String> curl = postForm(Map.of("key", "uploads/curl.txt"), null);
        assertThat(curl.statusCode()).as("no Origin: not a browser, unsigned as before").isEqualTo(204);
    }

    @Test
    void aPresignedUrlWorksFromAnyPage() throws Exception {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            URL put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("pages").key("presigned.txt"))).url();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(put.toURI()).header("Origin", EVIL)
                    .PUT(HttpRequest.BodyPublishers.ofString("presigned")));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    private static void assertNoCorsHeaders(HttpResponse<String> response) {
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    private static URI uri(String path) {
        return URI.create(cloudjar.endpoint() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(Map<String, String> form, String origin) throws Exception {
        String boundary = "----crossSiteBoundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n\r\nform body\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/pages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** A form with a policy signed by {@code test}/{@code test}, as {@code generate_presigned_post} builds one. */
    private static Map<String, String> signedForm(String bucket, String key) throws Exception {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String date = amzDate.substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        form.put("x-amz-credential", "test/" + date + "/us-east-1/s3/aws4_request");
        form.put("x-amz-date", amzDate);
        String policy = "{\"expiration\": \"" + Instant.now().plusSeconds(3600) + "\", \"conditions\": [{\"bucket\": \"" + bucket
                + "\"}, {\"key\": \"" + key + "\"}, {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}, {\"x-amz-credential\": \""
                + form.get("x-amz-credential") + "\"}, {\"x-amz-date\": \"" + amzDate + "\"}]}";
        return PostPolicySignature.sign(form, policy, "test");
    }
}
