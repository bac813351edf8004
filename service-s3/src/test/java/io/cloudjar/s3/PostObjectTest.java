package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Browser-form uploads (POST Object): a multipart/form-data body with a policy signed by the uploader's
 * key, sent as a browser would, in both addressing styles.
 */
class PostObjectTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static S3Client s3;

    @BeforeAll
    static void buckets() {
        s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("forms-path"));
        s3.createBucket(b -> b.bucket("forms-virtual-host"));
    }

    /** A form as {@code generate_presigned_post} builds one: fields, then a policy naming them, signed. */
    private static Map<String, String> signedForm(String bucket, Map<String, String> fields, String extraConditions, Instant expires,
                                                  String secret) throws Exception {
        Map<String, String> form = withCredential(fields);
        StringBuilder conditions = new StringBuilder("[{\"bucket\": \"" + bucket + "\"}");
        for (Map.Entry<String, String> f : form.entrySet()) {
            if (!f.getKey().equals("key")) {
                conditions.append(", {\"").append(f.getKey()).append("\": \"").append(f.getValue()).append("\"}");
            }
        }
        conditions.append(", [\"starts-with\", \"$key\", \"uploads/\"]").append(extraConditions).append(']');
        return signed(form, "{\"expiration\": \"" + expires + "\", \"conditions\": " + conditions + "}", secret);
    }

    /** The fields plus the SigV4 credential fields of the test key, dated now. */
    private static Map<String, String> withCredential(Map<String, String> fields) {
        String amzDate = AMZ_DATE.format(Instant.now());
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        form.put("x-amz-credential", "test/" + amzDate.substring(0, 8) + "/us-east-1/s3/aws4_request");
        form.put("x-amz-date", amzDate);
        return form;
    }

    /** Adds {@code policy} (any text, base64-encoded) and its signature with the form's credential date. */
    private static Map<String, String> signed(Map<String, String> form, String policy, String secret) throws Exception {
        return PostPolicySignature.sign(form, policy, secret);
    }

    private static HttpResponse<String> post(String style, String bucket, Map<String, String> form, String fileName, byte[] file)
            throws Exception {
        String boundary = "----cloudjarFormBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        boolean virtual = style.equals("virtual-host");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + (virtual ? "/" : "/" + bucket)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (virtual) {
            request.header("Host", bucket + ".s3.localhost.localstack.cloud:" + cloudjar.port());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600);
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void signedFormStoresTheFileWithItsFields(String style) throws Exception {
        String bucket = "forms-" + style;
        byte[] file = "<html>hello</html>".repeat(5000).getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "uploads/${filename}");
        fields.put("Content-Type", "text/html");
        fields.put("x-amz-meta-uploader", "browser");
        fields.put("tagging", "<Tagging><TagSet><Tag><Key>src</Key><Value>form</Value></Tag></TagSet></Tagging>");
        HttpResponse<String> response = post(style, bucket, signedForm(bucket, fields, "", inAnHour(), "test"), "page.html", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("uploads/page.html");

        var stored = s3.getObjectAsBytes(r -> r.bucket(bucket).key("uploads/page.html"));
        assertThat(stored.asByteArray()).isEqualTo(file);
        assertThat(stored.response().contentType()).isEqualTo("text/html");
        assertThat(stored.response().metadata()).containsEntry("uploader", "browser");
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("uploads/page.html")).tagSet())
                .containsExactly(Tag.builder().key("src").value("form").build());
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void successActionsChooseTheAnswer(String style) throws Exception {
        String bucket = "forms-" + style;
        Map<String, String> created = new LinkedHashMap<>(Map.of("key", "uploads/created.txt", "success_action_status", "201"));
        HttpResponse<String> xml = post(style, bucket, signedForm(bucket, created, "", inAnHour(), "test"), "c.txt", new byte[] {1});
        assertThat(xml.statusCode()).isEqualTo(201);
        assertThat(xml.body()).contains("<PostResponse>").contains("<Bucket>" + bucket + "</Bucket>")
                .contains("<Key>uploads/created.txt</Key>").contains("<ETag>\"");

        Map<String, String> redirected = new LinkedHashMap<>(Map.of("key", "uploads/r.txt",
                "success_action_redirect", "http://example.com/done"));
        HttpResponse<String> redirect = post(style, bucket, signedForm(bucket, redirected, "", inAnHour(), "test"), "r.txt", new byte[] {2});
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).get().asString()
                .startsWith("http://example.com/done?bucket=" + bucket + "&key=uploads%2Fr.txt&etag=");
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void policiesAreEnforced(String style) throws Exception {
        String bucket = "forms-" + style;
        Map<String, String> fields = new LinkedHashMap<>(Map.of("key", "uploads/x.bin"));
        byte[] file = new byte[2048];

        HttpResponse<String> expired = post(style, bucket, signedForm(bucket, fields, "", Instant.now().minusSeconds(60), "test"), "x", file);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("Policy expired");

        HttpResponse<String> wrongKey = post(style, bucket, signedForm(bucket, Map.of("key", "elsewhere/x.bin"), "", inAnHour(), "test"),
                "x", file);
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(wrongKey.body()).contains("Policy Condition failed").contains("starts-with");

        Map<String, String> tampered = signedForm(bucket, fields, "", inAnHour(), "test");
        tampered.put("x-amz-signature", "0".repeat(64));
        HttpResponse<String> badSignature = post(style, bucket, tampered, "x", file);
        assertThat(badSignature.statusCode()).isEqualTo(403);
        assertThat(badSignature.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        Map<String, String> extra = signedForm(bucket, fields, "", inAnHour(), "test");
        extra.put("x-amz-meta-sneaky", "1");
        HttpResponse<String> notInPolicy = post(style, bucket, extra, "x", file);
        assertThat(notInPolicy.statusCode()).isEqualTo(403);
        assertThat(notInPolicy.body()).contains("Extra input fields: x-amz-meta-sneaky");

        HttpResponse<String> tooLarge = post(style, bucket, signedForm(bucket, fields, ", [\"content-length-range\", 1, 1024]",
                inAnHour(), "test"), "x", file);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("<Code>EntityTooLarge</Code>");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("uploads/x")).contents()).isEmpty();

        HttpResponse<String> noKey = post(style, bucket, signedForm(bucket, Map.of("acl", "private"), "", inAnHour(), "test"), "x", file);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("<Code>InvalidArgument</Code>");
    }

    /** Signed documents S3 cannot read as a policy: 400 InvalidPolicyDocument, as S3 answers, never a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"expiration\": \"2999-01-01T00:00:00Z\", \"conditions\": [{}]}",
        "{\"expiration\": \"2999-01-01T00:00:00Z\", \"conditions\": [{\"acl\": \"private\", \"key\": \"uploads/x\"}]}",
        "[\"expiration\", \"conditions\"]",
        "\"a policy\"",
        "not JSON",
        "{\"conditions\": [[\"starts-with\", \"$key\", \"uploads/\"]]}",
        "{\"expiration\": 1, \"conditions\": []}",
        "{\"expiration\": \"2999-01-01T00:00:00Z\"}",
        "{\"expiration\": \"2999-01-01T00:00:00Z\", \"conditions\": {\"key\": \"uploads/x\"}}"})
    void unreadablePoliciesAreInvalidPolicyDocuments(String policy) throws Exception {
        Map<String, String> form = signed(withCredential(Map.of("key", "uploads/x")), policy, "test");

        HttpResponse<String> response = post("path", "forms-path", form, "x", new byte[] {1});

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidPolicyDocument</Code>").contains("<Message>Invalid Policy: ");
        if (!policy.startsWith("{")) {
            assertThat(response.body()).contains("<Message>Invalid Policy: Invalid JSON.</Message>");
        } else if (policy.contains("[{")) {
            assertThat(response.body()).contains("Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
        } else if (!policy.contains("\"expiration\": \"")) {
            assertThat(response.body()).containsAnyOf("Invalid Policy: Policy missing expiration.",
                    "Invalid Policy: Invalid 'expiration' value: '1'");
        } else if (!policy.contains("conditions")) {
            assertThat(response.body()).contains("Invalid Policy: Policy missing conditions.");
        } else if (policy.contains("\"conditions\": {")) {
            assertThat(response.body()).contains("Invalid Policy: Invalid 'conditions' value: must be a List.");
        } else {
            throw new AssertionError("a case this test does not know: " + policy);
        }
    }
}
