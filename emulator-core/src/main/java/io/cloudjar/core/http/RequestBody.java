package io.cloudjar.core.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it arrives from the network. Small bodies (query forms, JSON, S3 XML configuration)
 * are read whole with {@link #bytes(int)}; streaming payloads (S3 objects) are read from {@link #stream()}
 * and never held whole in memory.
 */
public interface RequestBody {
    /** The body as a stream; read it once, or use {@link #bytes(int)}. */
    InputStream stream();

    /** Content-Length from the headers, or -1 when the body is chunked. */
    long declaredLength();

    /**
     * The whole body, read once and kept; fails with {@link BodyTooLargeException} beyond {@code limit}.
     */
    byte[] bytes(int limit) throws IOException;

    /** Thrown when a body that must be read whole is larger than the limit. */
    final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(int limit) {
            super("Request body exceeds " + limit + " bytes");
        }
    }

    /** Reads a stream whole, up to a limit. */
    static byte[] readFully(InputStream in, int limit) throws IOException {
        byte[] buf = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > limit) {
                throw new BodyTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static RequestBody of(byte[] bytes) {
        return new RequestBody() {
            @Override
            public InputStream stream() {
                return new java.io.ByteArrayInputStream(bytes);
            }

            @Override
            public long declaredLength() {
                return bytes.length;
            }

            @Override
            public byte[] bytes(int limit) throws IOException {
                if (bytes.length > limit) {
                    throw new BodyTooLargeException(limit);
                }
                return bytes;
            }
        };
    }
}
