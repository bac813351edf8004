package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a web page the user visits can do to Cloudjar: send requests (forms, images, fetches without reading the
 * answer) and, with DNS rebinding, read answers sent to a Host name of its own. Pages of other sites may not
 * change state without a signature, and only Host names Cloudjar serves are answered.
 */
class CrossSiteRequestsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    /** As in a container reached by its name from another one. */
    @RegisterExtension
    static final CloudjarServerExtension named = new CloudjarServerExtension().withServices("sts")
            .withEnv("CLOUDJAR_ALLOWED_HOSTS", "cloudjar,*.compose.internal");

    private static final String EVIL = "Origin: http://evil.example\r\n";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"/moto-api/reset", "/_localstack/state/reset", "/_cloudjar/reset"})
    void aPageOfAnotherSiteCannotResetState(String path) throws Exception {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(b -> b.bucket("kept" + path.replace('/', '-').replace('_', '-')));
            RawHttp.Answer refused = RawHttp.send(cloudjar.port(), "POST", path, "localhost:" + cloudjar.port(), EVIL, "");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).startsWith("{\"error\":").contains("another site");
            assertThat(refused.head().toLowerCase()).doesNotContain("access-control-");
            RawHttp.Answer opaque = RawHttp.send(cloudjar.port(), "POST", path, "localhost", "Origin: null\r\n", "");
            assertThat(opaque.status()).isEqualTo(403);
            RawHttp.Answer crossSite = RawHttp.send(cloudjar.port(), "POST", path, "localhost", "Sec-Fetch-Site: cross-site\r\n", "");
            assertThat(crossSite.status()).isEqualTo(403);
            assertThat(s3.listBuckets().buckets()).isNotEmpty();
        }
    }

    @Test
    void theClockMovesOnlyForLocalClientsButAnyPageMayReadIt() throws Exception {
        var before = cloudjar.clock().now();
        String advance = "{\"advanceSeconds\": 60}";
        assertThat(RawHttp.send(cloudjar.port(), "POST", "/_cloudjar/clock", "localhost", EVIL, advance).status()).isEqualTo(403);
        assertThat(cloudjar.clock().now()).isEqualTo(before);
        assertThat(RawHttp.send(cloudjar.port(), "GET", "/_cloudjar/clock", "localhost", EVIL, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(cloudjar.port(), "GET", "/_localstack/health", "localhost", EVIL, null).status()).isEqualTo(200);
        RawHttp.Answer local = RawHttp.send(cloudjar.port(), "POST", "/_cloudjar/clock", "localhost",
                "Origin: http://localhost:3000\r\n", advance);
        assertThat(local.status()).as("a page of this machine, a local dashboard").isEqualTo(200);
        assertThat(cloudjar.clock().now()).isEqualTo(before.plusSeconds(60));
    }

    @Test
    void aPageOfAnotherSiteGetsNoImdsToken() throws Exception {
        RawHttp.Answer token = RawHttp.send(cloudjar.port(), "PUT", "/_cloudjar/ec2/i-0123456789abcdef0/latest/api/token", "localhost",
                EVIL + "X-aws-ec2-metadata-token-ttl-seconds: 21600\r\n", "");
        assertThat(token.status()).isEqualTo(403);
    }

    @Test
    void unsignedCallsFromPagesOfOtherSitesAreRefusedInTheirApisShape() throws Exception {
        RawHttp.Answer iam = RawHttp.send(cloudjar.port(), "POST", "/", "localhost", EVIL + FORM,
                "Action=CreateUser&Version=2010-05-08&UserName=planted-by-a-page");
        assertThat(iam.status()).isEqualTo(403);
        assertThat(iam.body()).contains("<ErrorResponse").contains("<Code>MissingAuthenticationToken</Code>");
        try (IamClient client = cloudjar.client(IamClient.builder())) {
            assertThatThrownBy(() -> client.getUser(r -> r.userName("planted-by-a-page"))).isInstanceOf(NoSuchEntityException.class);
        }
        RawHttp.Answer ec2 = RawHttp.send(cloudjar.port(), "GET", "/?Action=DescribeRegions&Version=2016-11-15", "localhost",
                "Sec-Fetch-Site: cross-site\r\n", null);
        assertThat(ec2.status()).isEqualTo(403);
        assertThat(ec2.body()).contains("<Response><Errors><Error><Code>MissingAuthenticationToken</Code>");
        RawHttp.Answer json = RawHttp.send(cloudjar.port(), "POST", "/", "localhost",
                EVIL + "X-Amz-Target: Lightsail_20161128.GetRegions\r\nContent-Type: application/x-amz-json-1.1\r\n", "{}");
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.body()).contains("MissingAuthenticationTokenException");

        RawHttp.Answer curl = RawHttp.form(cloudjar.port(), "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(curl.status()).as("no Origin: curl and scripts keep unsigned access").isEqualTo(200);
        RawHttp.Answer sameSite = RawHttp.send(cloudjar.port(), "GET", "/?Action=DescribeRegions&Version=2016-11-15", "localhost",
                "Sec-Fetch-Site: same-site\r\n", null);
        assertThat(sameSite.status()).isEqualTo(200);
    }

    @Test
    void hostsAPageCouldRebindAreRefused() throws Exception {
        RawHttp.Answer health = RawHttp.send(cloudjar.port(), "GET", "/_cloudjar/health", "evil.example:" + cloudjar.port(), null, null);
        assertThat(health.status()).isEqualTo(400);
        assertThat(health.body()).startsWith("{\"error\":").contains("CLOUDJAR_ALLOWED_HOSTS");
        RawHttp.Answer imds = RawHttp.send(cloudjar.port(), "GET", "/_cloudjar/ec2/i-0123456789abcdef0/latest/meta-data/iam/info",
                "rebound.evil.example", null, null);
        assertThat(imds.status()).isEqualTo(400);
        RawHttp.Answer iam = RawHttp.send(cloudjar.port(), "POST", "/", "evil.example", FORM, "Action=ListUsers&Version=2010-05-08");
        assertThat(iam.status()).isEqualTo(400);
        assertThat(iam.body()).contains("<ErrorResponse").contains("<Code>InvalidHostHeader</Code>").contains("evil.example");
        RawHttp.Answer s3 = RawHttp.send(cloudjar.port(), "GET", "/", "evil.example", null, null);
        assertThat(s3.status()).isEqualTo(400);
        assertThat(s3.body()).contains("<Error><Code>InvalidHostHeader</Code>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "[::1]", "172.17.0.2", "photos.localhost", "photos.s3.localhost",
            "photos.s3.localhost.localstack.cloud", "s3.localhost.localstack.cloud", "s3.amazonaws.com", "photos.s3.amazonaws.com",
            "photos.s3.eu-west-1.amazonaws.com", "sts.amazonaws.com"})
    void servedHostsAreAnswered(String host) throws Exception {
        RawHttp.Answer health = RawHttp.send(cloudjar.port(), "GET", "/_cloudjar/health", host + ":" + cloudjar.port(), null, null);
        assertThat(health.status()).isEqualTo(200);
        RawHttp.Answer call = RawHttp.send(cloudjar.port(), "GET", "/", host, null, null);
        assertThat(call.status()).as(call.body()).isLessThan(500);
        assertThat(call.body()).doesNotContain("InvalidHostHeader");
    }

    @Test
    void namesListedInTheSettingAreServedAndTheirPagesAreLocal() throws Exception {
        for (String host : new String[] {"cloudjar:4566", "api.compose.internal"}) {
            assertThat(RawHttp.form(named.port(), host, "Action=GetCallerIdentity&Version=2011-06-15").status()).as(host).isEqualTo(200);
        }
        assertThat(RawHttp.form(cloudjar.port(), "cloudjar", "Action=GetCallerIdentity&Version=2011-06-15").status())
                .as("not listed on the other server").isEqualTo(400);
        RawHttp.Answer page = RawHttp.send(named.port(), "POST", "/_cloudjar/clock", "cloudjar:4566", "Origin: http://cloudjar:4566\r\n",
                "{\"advanceSeconds\": 0}");
        assertThat(page.status()).isEqualTo(200);
    }

    @Test
    void http10WithoutAHostIsALocalClient() throws Exception {
        byte[] request = "GET /_cloudjar/health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        RawExchange.Response health = RawExchange.exchange(cloudjar.port(), request, false, false, Duration.ofSeconds(10));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"services\"");
        byte[] form = ("POST / HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 43\r\n\r\n"
                + "Action=GetCallerIdentity&Version=2011-06-15").getBytes(StandardCharsets.US_ASCII);
        assertThat(RawExchange.exchange(cloudjar.port(), form, false, false, Duration.ofSeconds(10)).status()).isEqualTo(200);
    }
}
