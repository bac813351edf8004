package io.cloudjar.core.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The streaming body of an operation such as S3 PutObject: already decoded from {@code aws-chunked},
 * read once, never held whole in memory. Trailing headers (e.g. {@code x-amz-checksum-crc32}) are
 * available once the stream has been read to its end.
 */
public interface StreamingPayload {
    InputStream stream();

    /** Length of the decoded content, or -1 when unknown. */
    long contentLength();

    /**
     * Trailers sent after an {@code aws-chunked} body, by name in any case; empty until the stream is consumed.
     */
    Map<String, String> trailers();

    /** The trailers the client announced ({@code x-amz-trailer}), lower case; known before reading. */
    List<String> declaredTrailers();
}
