package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.http.Headers;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an {@code aws-chunked} body as SDK v2 and boto3 send it to S3:
 * {@code <hex-size>[;chunk-signature=…]\r\n<data>\r\n … 0[;…]\r\n<trailer>:<value>\r\n\r\n}.
 * Trailing headers (checksums, the trailer signature) are collected for the provider to verify.
 * Chunk signatures are not verified here.
 */
public final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private final Headers trailers = new Headers();
    private long chunkRemaining;
    private boolean finished;

    public AwsChunkedInputStream(InputStream in) {
        this.in = in;
    }

    /** Trailers seen after the last chunk; complete once {@link #read} returned -1. */
    public Headers trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (chunkRemaining == 0) {
            if (finished) {
                return -1;
            }
            startChunk();
        }
        int n = in.read(buf, off, (int) Math.min(len, chunkRemaining));
        if (n < 0) {
            throw new EOFException("aws-chunked body ended inside a chunk");
        }
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            expectCrlf();
        }
        return n;
    }

    private void startChunk() throws IOException {
        String header = readLine();
        int semi = header.indexOf(';');
        String size = (semi < 0 ? header : header.substring(0, semi)).trim();
        try {
            chunkRemaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new IOException("Malformed aws-chunked size line: " + header);
        }
        if (chunkRemaining < 0) {
            throw new IOException("Negative aws-chunked size");
        }
        if (chunkRemaining == 0) {
            readTrailers();
            finished = true;
        }
    }

    private void readTrailers() throws IOException {
        while (true) {
            String line;
            try {
                line = readLine();
            } catch (EOFException e) {
                return; // some clients end the body right after the last chunk
            }
            if (line.isEmpty()) {
                return;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
    }

    private void expectCrlf() throws IOException {
        int cr = in.read();
        int lf = in.read();
        if (cr != '\r' || lf != '\n') {
            throw new IOException("aws-chunked data is not followed by CRLF");
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("aws-chunked body ended early");
            }
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            if (line.length() > MAX_LINE) {
                throw new IOException("aws-chunked line too long");
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
