package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each wire protocol, over a raw socket, with malformed requests: EC2 query, AWS query (IAM, STS), REST-XML (S3)
 * and JSON 1.1 (Lightsail's target header), each with a garbage Content-Type, a body cut short or stalling, bad
 * percent-encoding, invalid UTF-8, a missing Action or an unknown X-Amz-Target, garbage Authorization headers,
 * malformed and hostile bodies. Every answer is complete, never a 5xx, in the format it declares, within a bound,
 * and the server keeps answering.
 */
class ProtocolSweepTest {
    /** A short I/O timeout, so a body that stalls is answered within the sweep's bound. */
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("CLOUDJAR_IO_TIMEOUT_MS", "1000");

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";
    private static final byte[] RAW_INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};

    /** One API as the sweep sends it: a valid request of it, built on for each malformation, and an ill-typed body. */
    private record Api(String name, String service, Function<String, RawRequest> valid, String validBody, String illTyped) {
    }

    private static final List<Api> APIS = List.of(
            new Api("EC2 query", "ec2", body -> RawRequest.of("POST", "/").header("Content-Type", FORM).body(body),
                    "Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-east-1",
                    "Action=DescribeInstances&Version=2016-11-15&MaxResults=99999999999999999999&Filter.2147483648.Name=x"
                            + "&Filter.1.Value.-1=y&InstanceId.1.Foo.2=z&DryRun=maybe&NextToken=%00"),
            new Api("IAM query", "iam", body -> RawRequest.of("POST", "/").header("Content-Type", FORM).body(body),
                    "Action=CreateUser&Version=2010-05-08&UserName=swept&Tags.member.1.Key=k&Tags.member.1.Value=v",
                    "Action=CreateUser&Version=2010-05-08&UserName=" + "u".repeat(10_000) + "&Tags.member.99999999999.Key=k"
                            + "&Tags.member.1.Key.member.1=deep&PermissionsBoundary=arn"),
            new Api("STS query", "sts", body -> RawRequest.of("POST", "/").header("Content-Type", FORM).body(body),
                    "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fnone&RoleSessionName=s",
                    "Action=AssumeRole&Version=2011-06-15&RoleArn=x&RoleSessionName=s&DurationSeconds=-99999999999999"
                            + "&Policy=%7B%5B&PolicyArns.member.0.arn=x&Tags.member.1=flat"),
            new Api("S3 REST-XML", "s3", body -> RawRequest.of("PUT", "/sweep-bucket/k?tagging").header("Content-Type", "application/xml")
                    .body(body), "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>",
                    "<Tagging><TagSet><Tag><Key><Nested>k</Nested></Key></Tag><Tag/><Other>1</Other></TagSet><TagSet/></Tagging>"),
            new Api("Lightsail JSON 1.1", "lightsail", body -> RawRequest.of("POST", "/").header("Content-Type", JSON)
                    .header("X-Amz-Target", "Lightsail_20161128.GetBundles").body(body), "{\"includeInactive\": true}",
                    "{\"includeInactive\": \"yes\", \"pageToken\": 1e999999, \"appCategory\": [[]], \"extra\": {\"a\": null}}"));

    @BeforeAll
    static void bucket() {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(b -> b.bucket("sweep-bucket"));
            s3.putObject(r -> r.bucket("sweep-bucket").key("k"), RequestBody.fromString("v"));
        }
    }

    static Stream<Arguments> malformedCalls() {
        List<Arguments> cases = new ArrayList<>();
        for (Api api : APIS) {
            String body = api.validBody();
            add(cases, api, "valid", api.valid().apply(body));
            add(cases, api, "ill-typed values", api.valid().apply(api.illTyped()));
            add(cases, api, "garbage Content-Type", api.valid().apply(body).header("Content-Type", new byte[] {';', ';', '=', (byte) 0xFF}));
            add(cases, api, "multipart without boundary", api.valid().apply(body).header("Content-Type", "multipart/form-data"));
            add(cases, api, "unknown charset", api.valid().apply(body).header("Content-Type", FORM + "; charset=klingon"));
            add(cases, api, "bad percent-encoding", api.valid().apply(body.replace("=", "=%ZZ%") + "&%=%%"));
            add(cases, api, "percent-encoded invalid UTF-8", api.valid().apply(body + "&Name=%C3%28%FF"));
            add(cases, api, "raw invalid UTF-8", api.valid().apply("").body(concat(body.getBytes(StandardCharsets.UTF_8), RAW_INVALID_UTF8)));
            add(cases, api, "no Action", api.valid().apply(body.replaceAll("Action=[A-Za-z]+&?", "")));
            add(cases, api, "empty body", api.valid().apply(""));
            add(cases, api, "signed, no Action", api.valid().apply(body.replaceAll("Action=[A-Za-z]+&?", ""))
                    .header("Authorization", String.format(SIGNED, api.service())).header("X-Amz-Date", "20250101T000000Z"));
            add(cases, api, "garbage Authorization", api.valid().apply(body).header("Authorization", "AWS4-HMAC-SHA256 garbage"));
            add(cases, api, "empty credential", api.valid().apply(body)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=, Signature="));
            add(cases, api, "SigV2 and Bearer", api.valid().apply(body).header("Authorization", "AWS test:").header("X-Amz-Date", "yesterday"));
            add(cases, api, "binary Authorization", api.valid().apply(body).header("Authorization", RAW_INVALID_UTF8));
            add(cases, api, "presigned garbage", RawRequest.of("GET", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%FF&X-Amz-Date=x"
                    + "&X-Amz-Expires=-1&X-Amz-SignedHeaders=host&X-Amz-Signature=zz&Action=DescribeRegions&Version=2016-11-15"));
            add(cases, api, "unknown X-Amz-Target", api.valid().apply(body).header("X-Amz-Target", "Lightsail_20161128.FlyToTheMoon"));
            add(cases, api, "empty X-Amz-Target", api.valid().apply(body).header("X-Amz-Target", "Lightsail_20161128."));
            add(cases, api, "foreign X-Amz-Target", api.valid().apply(body).header("X-Amz-Target", "Nope.Nope"));
            add(cases, api, "bad JSON", api.valid().apply("{\"includeInactive\": tru"));
            add(cases, api, "JSON of the wrong shape", api.valid().apply("[\"includeInactive\", {\"pageToken\": 7}]"));
            add(cases, api, "deeply nested JSON", api.valid().apply("[".repeat(100_000)));
            add(cases, api, "deeply nested XML", api.valid().apply("<Tagging>".repeat(50_000)));
            add(cases, api, "XML entities", api.valid().apply("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">"
                    + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    + "<Tagging><TagSet><Tag><Key>&e;</Key><Value>&c;</Value></Tag></TagSet></Tagging>"));
            add(cases, api, "body cut short", api.valid().apply(body + " ".repeat(500)).truncatedTo(body.length() / 2));
            add(cases, api, "body stalls", api.valid().apply(body + " ".repeat(500)).truncatedTo(body.length() / 2));
            add(cases, api, "broken chunks", api.valid().apply("zz\r\n" + body + "\r\n0\r\n\r\n").header("Transfer-Encoding", "chunked"));
            add(cases, api, "conflicting lengths", api.valid().apply(body).header("Content-Length", "3"));
            add(cases, api, "negative length", api.valid().apply(body).contentLength("-1"));
            add(cases, api, "expect continue", api.valid().apply(body).header("Expect", "100-continue"));
            add(cases, api, "huge body", api.valid().apply("").body(huge(body)));
            add(cases, api, "foreign Origin", api.valid().apply(body).header("Origin", "http://evil.example"));
            add(cases, api, "foreign Host", api.valid().apply(body).host("rebound.evil.example"));
            add(cases, api, "no Host", api.valid().apply(body).host(null));
        }
        add(cases, APIS.get(3), "NUL in key", RawRequest.of("GET", "/sweep-bucket/a%00b"));
        add(cases, APIS.get(3), "bad path encoding", RawRequest.of("GET", "/sweep-bucket/%ZZ%"));
        add(cases, APIS.get(3), "invalid UTF-8 key", RawRequest.of("PUT", "/sweep-bucket/%C3%28%FF").body("x"));
        add(cases, APIS.get(3), "bad query encoding", RawRequest.of("GET", "/sweep-bucket?list-type=%G1&prefix=%"));
        add(cases, APIS.get(3), "absolute-form target", RawRequest.of("GET", "http://evil.example/sweep-bucket/k"));
        add(cases, APIS.get(3), "garbage metadata header", RawRequest.of("PUT", "/sweep-bucket/meta").header("x-amz-meta-a", RAW_INVALID_UTF8).body("x"));
        add(cases, APIS.get(3), "absurd numbers", RawRequest.of("GET", "/sweep-bucket?list-type=2&max-keys=99999999999999999999"
                + "&continuation-token=%FF&start-after=" + "s".repeat(5000)));
        add(cases, APIS.get(3), "part zero", RawRequest.of("GET", "/sweep-bucket/k?partNumber=0&versionId=%FF%FE"));
        add(cases, APIS.get(3), "long Authorization", RawRequest.of("GET", "/sweep-bucket/k").header("Authorization",
                "AWS4-HMAC-SHA256 Credential=" + "c".repeat(12_000)));
        add(cases, APIS.get(3), "garbage range", RawRequest.of("GET", "/sweep-bucket/k").header("Range", "bytes=9-2,zz"));
        add(cases, APIS.get(3), "garbage conditions", RawRequest.of("GET", "/sweep-bucket/k").header("If-Modified-Since", "\u00ff")
                .header("If-Match", ""));
        add(cases, APIS.get(3), "browser form without boundary", RawRequest.of("POST", "/sweep-bucket")
                .header("Content-Type", "multipart/form-data; boundary=").body("--\r\n"));
        add(cases, APIS.get(3), "browser form cut short", RawRequest.of("POST", "/sweep-bucket")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body("--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk2\r\n--b\r\nContent-Disposition: form-data; name=\"fi"));
        add(cases, APIS.get(3), "chunked upload trailer garbage", RawRequest.of("PUT", "/sweep-bucket/chunked")
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER").header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "5").header("x-amz-trailer", "x-amz-checksum-crc32")
                .body("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:%%%\r\n\r\n"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCalls")
    void malformedCallsAreAnsweredSanely(String name, RawRequest request, boolean cutShort) throws Exception {
        SweepAssertions.assertAnsweredSanely(cloudjar.port(), name, request, cutShort);
    }

    @AfterAll
    static void callsStillWork() {
        try (IamClient iam = cloudjar.client(IamClient.builder())) {
            assertThat(iam.listUsers().users()).isNotNull();
        }
    }

    private static void add(List<Arguments> cases, Api api, String what, RawRequest request) {
        cases.add(Arguments.of(api.name() + ": " + what + " (" + request + ")", request, what.equals("body cut short")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A valid request followed by 9 MiB of padding: over the 8 MiB form limit. */
    private static byte[] huge(String body) {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] start = (body + "&Padding=").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);
        return huge;
    }
}
