package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/** Content-MD5, x-amz-checksum-*, x-amz-content-sha256: a body that is not what the client said is never stored. */
class IntegrityTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void wrongDigestsAreRefusedAndNothingIsStored(String style, S3Client s3) throws Exception {
        String bucket = "integrity-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String otherMd5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest("other".getBytes()));
        assertS3Error(400, "BadDigest", () -> s3.putObject(r -> r.bucket(bucket).key("k").contentMD5(otherMd5),
                RequestBody.fromString("body")));
        assertS3Error(400, "InvalidDigest", () -> s3.putObject(r -> r.bucket(bucket).key("k").contentMD5("not-an-md5"),
                RequestBody.fromString("body")));
        String otherSha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest("other".getBytes()));
        assertS3Error(400, "BadDigest", () -> s3.putObject(r -> r.bucket(bucket).key("k").checksumSHA256(otherSha),
                RequestBody.fromString("body")));
        byte[] large = new byte[3 * 1024 * 1024 + 17]; // summed on a helper thread: the same answers
        new java.util.Random(11).nextBytes(large);
        assertS3Error(400, "BadDigest", () -> s3.putObject(r -> r.bucket(bucket).key("k").contentMD5(otherMd5),
                RequestBody.fromBytes(large)));
        String largeMd5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(large));
        String largeSha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(large));
        var stored = s3.putObject(r -> r.bucket(bucket).key("large").contentMD5(largeMd5).checksumSHA256(largeSha),
                RequestBody.fromBytes(large));
        assertThat(stored.checksumSHA256()).isEqualTo(largeSha);
        s3.deleteObject(r -> r.bucket(bucket).key("large"));
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket(bucket).key("k")));
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void checksumsAreReturnedWhenAskedFor(String style, S3Client s3) throws Exception {
        String bucket = "checksums-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        byte[] body = "checksummed".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        String crc32 = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        s3.putObject(r -> r.bucket(bucket).key("crc").checksumCRC32(crc32), RequestBody.fromBytes(body));
        var head = s3.headObject(r -> r.bucket(bucket).key("crc").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isEqualTo(crc32);
        assertThat(head.checksumTypeAsString()).isEqualTo("FULL_OBJECT");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("crc")).checksumCRC32()).isNull();

        var sdkDefault = s3.putObject(r -> r.bucket(bucket).key("sdk-default"), RequestBody.fromBytes(body));
        assertThat(sdkDefault.checksumCRC32()).isNotBlank(); // SDK v2 sends a CRC32 trailer unless told otherwise
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/"
                + bucket + "/plain")).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        var got = s3.getObject(r -> r.bucket(bucket).key("plain").checksumMode(ChecksumMode.ENABLED)).response();
        assertThat(got.checksumCRC64NVME()).isNotBlank(); // without one from the client, S3 sums new objects with CRC64NVME
        assertThat(plain.headers().firstValue("x-amz-checksum-crc64nvme")).contains(got.checksumCRC64NVME());
    }

    /** A plain HTTP request to the test server, addressed path style or (by its Host header) virtual-host style. */
    private static HttpRequest.Builder plain(String style, String bucket, String key) {
        boolean virtual = style.equals("virtual-host");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cloudjar.port()
                + (virtual ? "/" : "/" + bucket + "/") + key));
        return virtual ? request.header("Host", bucket + ".s3.localhost.localstack.cloud:" + cloudjar.port()) : request;
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void bodyNotMatchingItsSignedSha256IsRefused(String style, S3Client s3) throws Exception {
        String bucket = "sha-check-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        HttpClient http = HttpClient.newHttpClient();
        String claimed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("something else".getBytes()));
        HttpResponse<String> response = http.send(plain(style, bucket, "k").header("x-amz-content-sha256", claimed)
                .PUT(HttpRequest.BodyPublishers.ofString("actual body")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>").contains(claimed);
        HttpResponse<String> large = http.send(plain(style, bucket, "large").header("x-amz-content-sha256", claimed)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket(bucket).key("k")));

        String right = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("actual body".getBytes()));
        HttpResponse<String> ok = http.send(plain(style, bucket, "k").header("x-amz-content-sha256", right)
                .PUT(HttpRequest.BodyPublishers.ofString("actual body")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    /**
     * An unsigned {@code aws-chunked} body with its checksum in a trailer, as SDKs send over HTTPS: a right
     * trailer stores the body, a wrong one is BadDigest, a malformed one InvalidRequest; neither stores anything.
     */
    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void checksumTrailersAreVerified(String style, S3Client s3) throws Exception {
        String bucket = "trailer-check-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        byte[] body = "hello, trailer".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        String right = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());

        HttpResponse<String> stored = sendChunked(style, bucket, "right", body, right);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.headers().firstValue("x-amz-checksum-crc32")).contains(right);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("right")).asByteArray()).isEqualTo(body);

        HttpResponse<String> wrong = sendChunked(style, bucket, "wrong", body, "AAAAAA==");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("<Code>BadDigest</Code>")
                .contains("<Message>The CRC32 you specified did not match the calculated checksum.</Message>");
        HttpResponse<String> malformed = sendChunked(style, bucket, "malformed", body, "not base64!");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<Code>InvalidRequest</Code>")
                .contains("<Message>Value for x-amz-checksum-crc32 trailing header is invalid.</Message>");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("right");
    }

    /** A trailer announced in x-amz-trailer must follow the last chunk; S3 refuses the body without it. */
    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void aDeclaredTrailerMissingFromTheBodyIsMalformed(String style, S3Client s3) throws Exception {
        String bucket = "trailer-missing-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        HttpResponse<String> response = sendChunked(style, bucket, "k", "no trailer follows".getBytes(StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MalformedTrailerError</Code>").contains("<Message>The request contained "
                + "trailing data that was not well-formed or did not conform to our published schema.</Message>");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    /** Naming the algorithm is not enough: S3 wants its checksum in a header or a trailer, and computes none itself. */
    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void anAlgorithmWithoutItsChecksumIsRefused(String style, S3Client s3) throws Exception {
        String bucket = "algorithm-only-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        HttpResponse<String> response = HttpClient.newHttpClient().send(plain(style, bucket, "k")
                .header("x-amz-sdk-checksum-algorithm", "CRC32").PUT(HttpRequest.BodyPublishers.ofString("body")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidRequest</Code>").contains("<Message>x-amz-sdk-checksum-algorithm "
                + "specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.</Message>");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    /** @param crc32 the trailer's value, or null to send the body without the trailer it announces */
    private static HttpResponse<String> sendChunked(String style, String bucket, String key, byte[] body, String crc32) throws Exception {
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        chunked.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.writeBytes(body);
        chunked.writeBytes(("\r\n0\r\n" + (crc32 == null ? "" : "x-amz-checksum-crc32:" + crc32 + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient().send(plain(style, bucket, key)
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER").header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", Integer.toString(body.length)).header("x-amz-trailer", "x-amz-checksum-crc32")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunked.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
