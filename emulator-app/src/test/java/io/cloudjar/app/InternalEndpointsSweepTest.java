package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every internal endpoint, hit over a raw socket with every method and with malformed input (bad JSON, invalid
 * UTF-8, a huge body, a body cut short, broken chunking, garbage and missing headers, a foreign Host or Origin):
 * each answer is complete, well-formed and never a 5xx, within a bound, and the server keeps answering. The resets
 * run last, since they wipe the instance whose metadata service is swept first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InternalEndpointsSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("EC2_TRANSITION_SCALE", "0");

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"};
    private static final String[] RESETS = {"/moto-api/reset", "/_localstack/state/reset", "/_cloudjar/reset"};
    private static final byte[] INVALID_UTF8 = {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'};
    private static final int HUGE = 9 * 1024 * 1024;

    private static String instance;

    @BeforeAll
    static void launch() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            String image = ec2.describeImages(r -> r.owners("099720109477")
                    .filters(f -> f.name("architecture").values("x86_64"))).images().get(0).imageId();
            instance = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
        }
    }

    static Stream<Arguments> endpoints() {
        String imds = "/_cloudjar/ec2/" + instance + "/latest";
        return cases(List.of("/_cloudjar/health", "/_localstack/health", "/_cloudjar/clock", imds + "/meta-data/",
                imds + "/api/token", imds + "/meta-data/iam/security-credentials/", imds + "/dynamic/instance-identity/document",
                imds + "/meta-data/%FF%FE", imds + "/meta-data/%ZZ", "/_cloudjar/ec2/i-00000000000000000/latest/meta-data/",
                "/_cloudjar/ec2/", "/_cloudjar/ec2/%00/latest", "/_cloudjar/nothing-here", "/_localstack/nothing", "/moto-api/",
                "/moto-api/nothing?x=%", "/_localstack/info", "/_localstack/init", "/_localstack/init/ready",
                "/_localstack/init/%ZZ", "/_localstack/init/", "/moto-api/reset-auth"));
    }

    static Stream<Arguments> resets() {
        return cases(List.of(RESETS));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void internalEndpointsAnswerMalformedRequestsSanely(String name, RawRequest request, boolean cutShort) throws Exception {
        SweepAssertions.assertAnsweredSanely(cloudjar.port(), name, request, cutShort);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("resets")
    void resetsAnswerMalformedRequestsSanely(String name, RawRequest request, boolean cutShort) throws Exception {
        SweepAssertions.assertAnsweredSanely(cloudjar.port(), name, request, cutShort);
    }

    @Order(3)
    @Test
    void theServerStillServesCallsAfterTheSweep() {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(b -> b.bucket("after-the-sweep"));
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("after-the-sweep");
        }
    }

    /** Every method on every path, each plain and malformed in every way the sweep knows. */
    private static Stream<Arguments> cases(List<String> paths) {
        List<Arguments> cases = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                String at = method + " " + path;
                cases.add(Arguments.of(at, RawRequest.of(method, path), false));
                cases.add(Arguments.of(at + " bad JSON", RawRequest.of(method, path)
                        .header("Content-Type", "application/json").body("{\"advanceSeconds\": [1,"), false));
                cases.add(Arguments.of(at + " invalid UTF-8", RawRequest.of(method, path)
                        .header("Content-Type", "application/json; charset=utf-8").body(INVALID_UTF8), false));
                cases.add(Arguments.of(at + " garbage headers", RawRequest.of(method, path)
                        .header("Content-Type", new byte[] {1, (byte) 0xFF, ';', '=', ';'})
                        .header("X-aws-ec2-metadata-token", new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'})
                        .header("X-aws-ec2-metadata-token-ttl-seconds", "-1e999")
                        .header("X-Forwarded-For", "\u0001").header("Accept", "").header("Origin", "::::"), false));
                cases.add(Arguments.of(at + " without Host", RawRequest.of(method, path).host(null), false));
                cases.add(Arguments.of(at + " HTTP/1.0 without Host", RawRequest.of(method, path).version("HTTP/1.0").host(null), false));
                cases.add(Arguments.of(at + " foreign Host", RawRequest.of(method, path).host("rebound.evil.example"), false));
                cases.add(Arguments.of(at + " foreign Origin", RawRequest.of(method, path).header("Origin", "http://evil.example")
                        .header("Content-Type", "application/json").body("{\"reset\": true}"), false));
                cases.add(Arguments.of(at + " body cut short", RawRequest.of(method, path).header("Content-Type", "application/json")
                        .body("{\"advanceSeconds\": 1}" + " ".repeat(200)).truncatedTo(10), true));
                cases.add(Arguments.of(at + " broken chunks", RawRequest.of(method, path).header("Transfer-Encoding", "chunked")
                        .body("zz\r\n{}\r\n0\r\n\r\n"), false));
                cases.add(Arguments.of(at + " lying Content-Length", RawRequest.of(method, path).contentLength("-5"), false));
                if (method.equals("POST") || method.equals("PUT")) {
                    cases.add(Arguments.of(at + " huge body", RawRequest.of(method, path).header("Content-Type", "application/json")
                            .body(new byte[HUGE]), false));
                }
            }
        }
        return cases.stream();
    }
}
