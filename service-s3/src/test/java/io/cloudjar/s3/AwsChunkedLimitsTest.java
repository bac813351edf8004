package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** aws-chunked uploads whose framing goes beyond its limits are refused as S3 refuses them, and nothing is stored. */
class AwsChunkedLimitsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("chunked"));
    }

    /** An unsigned aws-chunked PUT of "hello" (CRC32 NhCmhg==) whose trailer section is {@code trailers}. */
    private static RawHttp.Response put(String key, String trailers) throws Exception {
        String body = "5\r\nhello\r\n0\r\n" + trailers + "\r\n";
        try (RawHttp http = new RawHttp(cloudjar.port(), 30_000)) {
            return http.send("PUT /chunked/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER\r\nContent-Encoding: aws-chunked\r\n"
                    + "x-amz-decoded-content-length: 5\r\nx-amz-trailer: x-amz-checksum-crc32\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).read();
        }
    }

    @Test
    void aTrailerSectionOverItsLimitIsMalformedTrailerError() throws Exception {
        RawHttp.Response response = put("padded", "x-amz-checksum-crc32:NhCmhg==\r\n" + "x-amz-pad:0123456789\r\n".repeat(1000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MalformedTrailerError</Code>");
        assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("chunked").key("padded"))))
                .isNotNull();
    }

    @Test
    void aTrailerWithinItsLimitIsStored() throws Exception {
        assertThat(put("fine", "x-amz-checksum-crc32:NhCmhg==\r\n").status()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("chunked").key("fine")).asUtf8String()).isEqualTo("hello");
    }
}
