package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 needs an upload's length up front: Content-Length, or {@code x-amz-decoded-content-length} for an
 * {@code aws-chunked} body. Without it PutObject and UploadPart are 411 MissingContentLength; the chunked
 * transfer coding is accepted only around an {@code aws-chunked} body, otherwise 501 NotImplemented.
 */
class UploadLengthTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    /** SDK v2's async client sends a publisher of unknown length with neither Content-Length nor a chunked body. */
    @Test
    void anUploadOfUnknownLengthFromTheAsyncClientIsMissingContentLength() {
        S3Client s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("unknown-length"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("unknown-length").key("parts")).uploadId();
        try (S3AsyncClient async = cloudjar.client(S3AsyncClient.builder().forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED))) {
            assertS3Error(411, "MissingContentLength", () -> unwrap(() -> async.putObject(r -> r.bucket("unknown-length").key("k"),
                    AsyncRequestBody.fromPublisher(AsyncRequestBody.fromString("of unknown length"))).join()));
            assertS3Error(411, "MissingContentLength", () -> unwrap(() -> async.uploadPart(r -> r.bucket("unknown-length")
                    .key("parts").uploadId(uploadId).partNumber(1),
                    AsyncRequestBody.fromPublisher(AsyncRequestBody.fromString("of unknown length"))).join()));
        }
        assertThat(s3.listObjectsV2(r -> r.bucket("unknown-length")).contents()).isEmpty();
        assertThat(s3.listParts(r -> r.bucket("unknown-length").key("parts").uploadId(uploadId)).parts()).isEmpty();
    }

    @Test
    void theChunkedTransferCodingAroundAPlainBodyIsNotImplemented() throws Exception {
        S3Clients.pathStyle(cloudjar).createBucket(b -> b.bucket("plain-chunked"));
        HttpResponse<String> response = sendChunked("/plain-chunked/k", "a plain body".getBytes(StandardCharsets.UTF_8),
                new String[0]);
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>")
                .contains("<Message>A header you provided implies functionality that is not implemented</Message>")
                .contains("<Header>Transfer-Encoding</Header>");
    }

    /** The length of an aws-chunked body is its decoded length; the chunked transfer coding around it is fine. */
    @Test
    void anAwsChunkedBodyDeclaresItsLengthWithTheDecodedContentLength() throws Exception {
        S3Client s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("aws-chunked-length"));
        byte[] data = "aws-chunked data".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(data);
        body.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String[] awsChunked = {"Content-Encoding", "aws-chunked", "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"};

        HttpResponse<String> missing = sendChunked("/aws-chunked-length/missing", body.toByteArray(), awsChunked);
        assertThat(missing.statusCode()).isEqualTo(411);
        assertThat(missing.body()).contains("<Code>MissingContentLength</Code>")
                .contains("<Message>You must provide the Content-Length HTTP header.</Message>");

        String[] declared = {"Content-Encoding", "aws-chunked", "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "x-amz-decoded-content-length", Integer.toString(data.length)};
        HttpResponse<String> stored = sendChunked("/aws-chunked-length/declared", body.toByteArray(), declared);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("aws-chunked-length").key("declared")).asByteArray()).isEqualTo(data);
        assertThat(s3.listObjectsV2(r -> r.bucket("aws-chunked-length")).contents()).extracting(o -> o.key())
                .containsExactly("declared");
    }

    /** java.net.http sends a body of unknown length with {@code Transfer-Encoding: chunked} and no Content-Length. */
    private static HttpResponse<String> sendChunked(String path, byte[] body, String[] headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The async client's failure, unwrapped from its CompletionException. */
    private static void unwrap(Runnable call) throws Throwable {
        try {
            call.run();
        } catch (CompletionException e) {
            throw e.getCause();
        }
    }
}
