package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** Preflights and response headers from a bucket's CORS rules, as a browser meets them. */
class BucketCorsTest {
    private static final String APP = "https://app.example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @BeforeAll
    static void bucket() {
        S3Client s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("spa"));
        s3.putObject(r -> r.bucket("spa").key("data.json"), RequestBody.fromString("{}"));
        s3.putBucketCors(r -> r.bucket("spa").corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("https://*.example.com").allowedMethods("GET", "PUT")
                        .allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag").maxAgeSeconds(600).build(),
                CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build())));
        s3.createBucket(b -> b.bucket("no-cors"));
    }

    private static HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMatchingRuleAnswersThePreflight() throws Exception {
        HttpResponse<String> ok = preflight("/spa/data.json", APP, "PUT", "Content-Type, X-Amz-Meta-Owner");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, PUT");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type, x-amz-meta-owner");
        assertThat(ok.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");

        HttpResponse<String> anyOrigin = preflight("/spa/data.json", "http://elsewhere.test", "GET", null);
        assertThat(anyOrigin.statusCode()).isEqualTo(200);
        assertThat(anyOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void aPreflightNoRuleMatchesIsRefused() throws Exception {
        HttpResponse<String> method = preflight("/spa/data.json", "http://elsewhere.test", "PUT", null);
        assertThat(method.statusCode()).isEqualTo(403);
        assertThat(method.body()).contains("<Code>AccessForbidden</Code>").contains("This CORS request is not allowed");
        assertThat(method.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> header = preflight("/spa/data.json", APP, "PUT", "authorization-extra");
        assertThat(header.statusCode()).isEqualTo(403);

        HttpResponse<String> none = preflight("/no-cors/x", APP, "GET", null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("CORS is not enabled for this bucket.");
    }

    @Test
    void actualRequestsCarryTheMatchingRulesHeaders() throws Exception {
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/spa/data.json"))
                .header("Origin", APP).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");

        HttpResponse<String> noRules = HTTP.send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/no-cors/x"))
                .header("Origin", APP).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noRules.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPageOfAnotherSiteMustSignWithTheRealSecret() {
        // CORS rules may let a page send an Authorization header; a root key's signature is then verified
        var fromPage = software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                .putHeader("Origin", "https://app.example.com").build();
        try (S3Client forged = cloudjar.client(S3Client.builder().forcePathStyle(true).overrideConfiguration(fromPage),
                software.amazon.awssdk.regions.Region.US_EAST_1, CloudjarServerExtension.ACCESS_KEY, "not-the-secret");
             S3Client signed = cloudjar.client(S3Client.builder().forcePathStyle(true).overrideConfiguration(fromPage))) {
            S3Assertions.assertS3Error(403, "SignatureDoesNotMatch",
                    () -> forged.deleteObject(r -> r.bucket("spa").key("data.json")));
            assertThat(signed.getObjectAsBytes(r -> r.bucket("spa").key("data.json")).asUtf8String()).isEqualTo("{}");
        }
    }
}
