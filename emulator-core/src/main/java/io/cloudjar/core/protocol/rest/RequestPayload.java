package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.auth.ChunkSignatures;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.spi.StreamingPayload;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The streaming body of a REST operation, unwrapped from {@code aws-chunked} when the client used it. */
final class RequestPayload implements StreamingPayload {
    private final InputStream stream;
    private final long contentLength;
    private final AwsChunkedInputStream chunked;
    private final List<String> declaredTrailers;

    private RequestPayload(InputStream stream, long contentLength, AwsChunkedInputStream chunked, List<String> declaredTrailers) {
        this.stream = stream;
        this.contentLength = contentLength;
        this.chunked = chunked;
        this.declaredTrailers = declaredTrailers;
    }

    /**
     * S3 needs an upload's length before it reads it: {@code x-amz-decoded-content-length} for an
     * {@code aws-chunked} body, else Content-Length. Without it S3 answers 411 MissingContentLength; the
     * chunked transfer coding around a body that is not {@code aws-chunked} is 501 NotImplemented.
     *
     * @param signatures the chunk signatures to verify, when authentication verified the seed; else null
     */
    static RequestPayload of(IncomingRequest request, ChunkSignatures signatures) {
        boolean awsChunked = isAwsChunked(request);
        if (awsChunked ? decodedLength(request) < 0 : request.body().declaredLength() < 0) {
            throw !awsChunked && request.header("Transfer-Encoding") != null ? notImplemented()
                    : AwsErrors.of("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
        }
        String trailer = request.header("x-amz-trailer");
        List<String> trailers = trailer == null ? List.of() : Arrays.stream(trailer.split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
        if (awsChunked) {
            AwsChunkedInputStream chunked = new AwsChunkedInputStream(request.body().stream(), decodedLength(request), signatures);
            return new RequestPayload(chunked, decodedLength(request), chunked, trailers);
        }
        InputStream body = ContentSha256.check(request.header("x-amz-content-sha256"), request.body().stream());
        return new RequestPayload(body, request.body().declaredLength(), null, trailers);
    }

    static boolean isAwsChunked(IncomingRequest request) {
        String encoding = request.header("Content-Encoding");
        String sha = request.header("x-amz-content-sha256");
        return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
                || (sha != null && sha.startsWith("STREAMING-"));
    }

    private static AwsException notImplemented() {
        return AwsErrors.of("NotImplemented", 501, "A header you provided implies functionality that is not implemented")
                .withDetail("Header", "Transfer-Encoding");
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
    public List<String> declaredTrailers() {
        return declaredTrailers;
    }

    @Override
    public Map<String, String> trailers() {
        return chunked == null ? Map.of() : chunked.trailers().firstValues();
    }
}
