package io.cloudjar.app.auth;

import io.cloudjar.core.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Requests signed by the SDK's own SigV4 signer and sent byte for byte over a socket, for what an SDK client
 * will not send: a signature from another time, an {@code aws-chunked} body with one chunk changed after signing,
 * a header signature beside a query one.
 */
final class SignedRaw {
    private final String accessKey;
    private final String secretKey;
    private Clock clock = Clock.systemUTC();
    private boolean chunked;
    private boolean trailingChecksum;

    private SignedRaw(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static SignedRaw as(String accessKey, String secretKey) {
        return new SignedRaw(accessKey, secretKey);
    }

    /** Signs as of another time. */
    SignedRaw at(Clock signingClock) {
        this.clock = signingClock;
        return this;
    }

    /** Signs the body chunk by chunk ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}). */
    SignedRaw chunked() {
        this.chunked = true;
        return this;
    }

    /** Signs the body chunk by chunk with a CRC32 trailer and its trailer signature ({@code …-PAYLOAD-TRAILER}). */
    SignedRaw chunkedWithTrailer() {
        this.chunked = true;
        this.trailingChecksum = true;
        return this;
    }

    /** The request as the signer made it: head and (possibly chunk-encoded) body. */
    record Signed(SdkHttpRequest request, byte[] body) {
        /** The request line, headers and body as HTTP/1.1 bytes; {@code extraHeaders} are added unsigned. */
        byte[] wire(String... extraHeaders) {
            StringBuilder head = new StringBuilder(request.method().name()).append(' ').append(request.encodedPath());
            request.encodedQueryParameters().ifPresent(q -> head.append('?').append(q));
            head.append(" HTTP/1.1\r\n");
            request.forEachHeader((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
            for (int i = 0; i < extraHeaders.length; i += 2) {
                head.append(extraHeaders[i]).append(": ").append(extraHeaders[i + 1]).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /**
     * Signs a request to {@code port} for {@code service} in us-east-1, the body's hash included (S3:
     * {@code x-amz-content-sha256}); S3 signs the path as is, other services encode it twice.
     */
    Signed sign(int port, String service, String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + port + pathAndQuery);
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(builder::putHeader);
        builder.putHeader("Content-Length", Integer.toString(body.length));
        boolean s3 = service.equals("s3");
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(accessKey, secretKey))
                .request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked)
                .putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, trailingChecksum ? DefaultChecksumAlgorithm.CRC32 : null)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        byte[] payload;
        try (InputStream in = signed.payload().map(ContentStreamProvider::newStream).orElse(InputStream.nullInputStream())) {
            payload = in.readAllBytes();
        }
        SdkHttpRequest request = signed.request();
        if (request.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(-1L) != payload.length) {
            request = request.toBuilder().putHeader("Content-Length", Integer.toString(payload.length)).build();
        }
        return new Signed(request, payload);
    }

    static RawHttp.Response send(int port, byte[] wire) throws IOException {
        try (RawHttp http = new RawHttp(port, 10_000)) {
            return http.send(wire).read();
        }
    }

    static List<String> lines(byte[] body) {
        return List.of(new String(body, StandardCharsets.ISO_8859_1).split("\r\n"));
    }
}
