package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.spi.StreamingPayload;
import java.io.InputStream;
import java.util.Locale;

/** The streaming body of a REST operation, unwrapped from {@code aws-chunked} when the client used it. */
final class RequestPayload implements StreamingPayload {
    private final InputStream stream;
    private final long contentLength;
    private final AwsChunkedInputStream chunked;

    private RequestPayload(InputStream stream, long contentLength, AwsChunkedInputStream chunked) {
        this.stream = stream;
        this.contentLength = contentLength;
        this.chunked = chunked;
    }

    static RequestPayload of(IncomingRequest request) {
        if (isAwsChunked(request)) {
            AwsChunkedInputStream chunked = new AwsChunkedInputStream(request.body().stream());
            return new RequestPayload(chunked, decodedLength(request), chunked);
        }
        return new RequestPayload(request.body().stream(), request.body().declaredLength(), null);
    }

    static boolean isAwsChunked(IncomingRequest request) {
        String encoding = request.header("Content-Encoding");
        String sha = request.header("x-amz-content-sha256");
        return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
                || (sha != null && sha.startsWith("STREAMING-"));
    }

    static long decodedLength(IncomingRequest request) {
        String decoded = request.header("x-amz-decoded-content-length");
        try {
            return decoded == null ? -1 : Long.parseLong(decoded.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public Headers trailers() {
        return chunked == null ? new Headers() : chunked.trailers();
    }
}
