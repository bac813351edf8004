package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Every {@code x-amz-checksum-*} algorithm S3 accepts, in a header and (from the SDK) in an {@code aws-chunked}
 * trailer: stored, checked, returned on GET and HEAD with {@code x-amz-checksum-mode}; a malformed value is
 * InvalidRequest, a wrong one BadDigest. Expected values come from the JDK, not from the server's code.
 */
class ChecksumAlgorithmsTest {
    private static final byte[] BODY = "123456789".getBytes(StandardCharsets.US_ASCII); // the CRC catalogue's check input

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    /** A fresh client per case: JUnit closes each case's arguments after it. */
    static Stream<Arguments> stylesAndAlgorithms() {
        return Stream.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.CRC64_NVME, ChecksumAlgorithm.SHA1,
                        ChecksumAlgorithm.SHA256)
                .flatMap(algorithm -> S3Clients.bothStyles(cloudjar).map(style -> Arguments.of(style.get()[0], style.get()[1], algorithm)));
    }

    @ParameterizedTest(name = "{0} style, {2}")
    @MethodSource("stylesAndAlgorithms")
    void checksumHeadersAreVerifiedStoredAndReturned(String style, S3Client s3, ChecksumAlgorithm algorithm) throws Exception {
        String bucket = ("sums-" + style + "-" + algorithm).toLowerCase();
        s3.createBucket(b -> b.bucket(bucket));
        String expected = expected(algorithm, BODY);
        PutObjectResponse put = s3.putObject(withValue(PutObjectRequest.builder().bucket(bucket).key("k"), algorithm, expected).build(),
                RequestBody.fromBytes(BODY));
        assertThat(valueOf(put, algorithm)).isEqualTo(expected);

        GetObjectResponse got = s3.getObject(r -> r.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED)).response();
        assertThat(valueOf(got, algorithm)).isEqualTo(expected);
        assertThat(got.checksumTypeAsString()).isEqualTo("FULL_OBJECT");
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
        assertThat(valueOf(head, algorithm)).isEqualTo(expected);
        assertThat(valueOf(s3.headObject(r -> r.bucket(bucket).key("k")), algorithm)).isNull(); // only when asked for

        String wrong = expected(algorithm, "something else".getBytes(StandardCharsets.US_ASCII));
        assertS3Error(400, "BadDigest", () -> s3.putObject(withValue(PutObjectRequest.builder().bucket(bucket).key("wrong"), algorithm,
                wrong).build(), RequestBody.fromBytes(BODY)));
        String truncated = Base64.getEncoder().encodeToString(new byte[Base64.getDecoder().decode(expected).length - 1]);
        var malformed = assertS3Error(400, "InvalidRequest", () -> s3.putObject(withValue(PutObjectRequest.builder().bucket(bucket)
                .key("malformed"), algorithm, truncated).build(), RequestBody.fromBytes(BODY)));
        assertThat(malformed.awsErrorDetails().errorMessage())
                .isEqualTo("Value for x-amz-checksum-" + algorithm.toString().toLowerCase().replace("_", "") + " header is invalid.");
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket(bucket).key("wrong")));
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket(bucket).key("malformed")));
    }

    @ParameterizedTest(name = "{0} style, {2}")
    @MethodSource("stylesAndAlgorithms")
    void sdkTrailersCarryTheChecksumAfterTheBody(String style, S3Client s3, ChecksumAlgorithm algorithm) throws Exception {
        if (algorithm == ChecksumAlgorithm.CRC64_NVME) {
            return; // the SDK computes CRC64NVME only with the CRT, which is not on this class path
        }
        String bucket = ("trailers-" + style + "-" + algorithm).toLowerCase();
        s3.createBucket(b -> b.bucket(bucket));
        byte[] body = new byte[200_000]; // several aws-chunked chunks
        new java.util.Random(5).nextBytes(body);
        PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("k").checksumAlgorithm(algorithm), RequestBody.fromBytes(body));
        assertThat(valueOf(put, algorithm)).isEqualTo(expected(algorithm, body));
        var got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(valueOf(got.response(), algorithm)).isEqualTo(expected(algorithm, body));
    }

    private static PutObjectRequest.Builder withValue(PutObjectRequest.Builder b, ChecksumAlgorithm algorithm, String value) {
        return switch (algorithm) {
            case CRC32 -> b.checksumCRC32(value);
            case CRC32_C -> b.checksumCRC32C(value);
            case CRC64_NVME -> b.checksumCRC64NVME(value);
            case SHA1 -> b.checksumSHA1(value);
            case SHA256 -> b.checksumSHA256(value);
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    private static String valueOf(Object response, ChecksumAlgorithm algorithm) {
        String member = switch (algorithm) {
            case CRC64_NVME -> "ChecksumCRC64NVME";
            default -> "Checksum" + algorithm;
        };
        return ((software.amazon.awssdk.core.SdkPojo) response).sdkFields().stream().filter(f -> f.memberName().equals(member))
                .findFirst().map(f -> (String) f.getValueOrDefault(response)).orElse(null);
    }

    private static String expected(ChecksumAlgorithm algorithm, byte[] body) throws Exception {
        byte[] raw = switch (algorithm) {
            case CRC32 -> {
                CRC32 crc = new CRC32();
                crc.update(body);
                yield ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            }
            case CRC32_C -> {
                CRC32C crc = new CRC32C();
                crc.update(body);
                yield ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            }
            case CRC64_NVME -> ByteBuffer.allocate(8).putLong(crc64Nvme(body)).array();
            case SHA1 -> MessageDigest.getInstance("SHA-1").digest(body);
            case SHA256 -> MessageDigest.getInstance("SHA-256").digest(body);
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
        return Base64.getEncoder().encodeToString(raw);
    }

    /** CRC-64/NVME bit by bit (reflected polynomial 0x9A6C9329AC4BC9B5); its check value is 0xAE8B14860A799888. */
    private static long crc64Nvme(byte[] body) {
        long crc = -1L;
        for (byte b : body) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    static {
        if (crc64Nvme(BODY) != 0xAE8B14860A799888L) {
            throw new AssertionError("the reference CRC-64/NVME is wrong");
        }
    }
}
