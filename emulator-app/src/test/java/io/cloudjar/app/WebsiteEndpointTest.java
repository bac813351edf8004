package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A public static website served to an anonymous browser: index documents, error document, redirects. */
class WebsiteEndpointTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @BeforeAll
    static void site() {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(r -> r.bucket("www"));
            s3.deletePublicAccessBlock(r -> r.bucket("www"));
            s3.putBucketPolicy(r -> r.bucket("www").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::www/*\"},"
                    + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::www/private/*\"}]}"));
            s3.putBucketWebsite(r -> r.bucket("www").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                    .errorDocument(e -> e.key("404.html"))
                    .routingRules(rule -> rule.condition(c -> c.keyPrefixEquals("old/"))
                            .redirect(d -> d.replaceKeyPrefixWith("new/")))));
            put(s3, "index.html", "home");
            put(s3, "docs/index.html", "docs home");
            put(s3, "404.html", "not here");
            put(s3, "private/secret.html", "secret");
            s3.putObject(r -> r.bucket("www").key("moved.html").websiteRedirectLocation("/docs/"), RequestBody.fromString(""));
            s3.createBucket(r -> r.bucket("plain"));
        }
    }

    private static void put(S3Client s3, String key, String body) {
        s3.putObject(r -> r.bucket("www").key(key).contentType("text/html"), RequestBody.fromString(body));
    }

    private static RawHttp.Answer get(String path, String host) throws Exception {
        return RawHttp.send(cloudjar.port(), "GET", path, host, null, null);
    }

    @Test
    void indexDocumentsAndTheErrorDocumentAreServedOnWebsiteHosts() throws Exception {
        RawHttp.Answer home = get("/", "www.s3-website.localhost");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).isEqualTo("home");
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(get("/docs/", "www.s3-website-us-east-1.amazonaws.com").body()).isEqualTo("docs home");
        assertThat(get("/docs/", "www.s3-website.eu-west-1.amazonaws.com").body()).isEqualTo("docs home");

        RawHttp.Answer folder = get("/docs", "www.s3-website.localhost");
        assertThat(folder.status()).isEqualTo(302);
        assertThat(folder.header("Location")).isEqualTo("/docs/");

        RawHttp.Answer missing = get("/nope.html", "www.s3-website.localhost");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("not here");
        RawHttp.Answer denied = get("/private/secret.html", "www.s3-website.localhost");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("not here");
    }

    @Test
    void redirectsAndTheInternalPathForBrowsersWithoutDns() throws Exception {
        RawHttp.Answer rule = get("/old/page.html", "www.s3-website.localhost");
        assertThat(rule.status()).isEqualTo(301);
        assertThat(rule.header("Location")).isEqualTo("/new/page.html");
        RawHttp.Answer moved = get("/_cloudjar/website/www/moved.html", "localhost");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).isEqualTo("/docs/");
        assertThat(get("/_cloudjar/website/www/", "localhost").body()).isEqualTo("home");

        RawHttp.Answer noWebsite = get("/", "plain.s3-website.localhost");
        assertThat(noWebsite.status()).isEqualTo(404);
        assertThat(noWebsite.body()).contains("<li>Code: NoSuchWebsiteConfiguration</li>");
    }
}
