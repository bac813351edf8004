package io.cloudjar.core.spi;

import io.cloudjar.core.http.Headers;
import java.io.InputStream;

/**
 * The streaming body of an operation such as S3 PutObject: already decoded from {@code aws-chunked},
 * read once, never held whole in memory. Trailing headers (e.g. {@code x-amz-checksum-crc32}) are
 * available once the stream has been read to its end.
 */
public interface StreamingPayload {
    InputStream stream();

    /** Length of the decoded content, or -1 when unknown. */
    long contentLength();

    /** Trailers sent after an {@code aws-chunked} body; empty until the stream is consumed. */
    Headers trailers();

    /** The trailers the client announced ({@code x-amz-trailer}), lower case; known before reading. */
    java.util.List<String> declaredTrailers();
}
