package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
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
 *
 * <p>Everything the client controls is bounded, so a hostile body fails as soon as it goes too far instead of
 * filling memory or disk: a size line (S3 answers broken framing with {@code IncompleteBody}, which the
 * {@link IOException}s here become), the data against {@code x-amz-decoded-content-length}, and the trailer
 * section ({@code MalformedTrailerError}).
 */
public final class AwsChunkedInputStream extends InputStream {
    /** A size line is {@code <hex>;chunk-signature=<64 hex>}, under 100 bytes; this leaves room for other extensions. */
    static final int MAX_SIZE_LINE = 4096;
    /** All trailer lines together; a checksum and the trailer signature take under 200 bytes. As S3's header section. */
    static final int MAX_TRAILER_SECTION = 8192;

    private final InputStream in;
    private final long decodedLength;
    private final Headers trailers = new Headers();
    private long chunkRemaining;
    private long decoded;
    private boolean finished;

    public AwsChunkedInputStream(InputStream in) {
        this(in, -1);
    }

    /** @param decodedLength {@code x-amz-decoded-content-length}; more data than that fails at once (-1: unknown) */
    public AwsChunkedInputStream(InputStream in, long decodedLength) {
        this.in = in;
        this.decodedLength = decodedLength;
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
        String header = readLine(MAX_SIZE_LINE);
        if (header == null) {
            throw new IOException("aws-chunked size line longer than " + MAX_SIZE_LINE + " bytes");
        }
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
        decoded += chunkRemaining;
        if (decodedLength >= 0 && decoded > decodedLength) {
            throw new IOException("aws-chunked data longer than x-amz-decoded-content-length " + decodedLength);
        }
        if (chunkRemaining == 0) {
            readTrailers();
            finished = true;
        }
    }

    private void readTrailers() throws IOException {
        int left = MAX_TRAILER_SECTION;
        while (true) {
            String line;
            try {
                line = readLine(left);
            } catch (EOFException e) {
                return; // some clients end the body right after the last chunk
            }
            if (line == null) {
                throw malformedTrailer();
            }
            if (line.isEmpty()) {
                return;
            }
            left -= line.getBytes(StandardCharsets.UTF_8).length + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformedTrailer();
            }
            trailers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
    }

    /** S3's answer to trailing headers it cannot read (no colon, or more than a header section). */
    private static AwsException malformedTrailer() {
        return AwsErrors.of("MalformedTrailerError", 400,
                "The request contained trailing data that was not well-formed or did not conform to our published schema.");
    }

    private void expectCrlf() throws IOException {
        int cr = in.read();
        int lf = in.read();
        if (cr != '\r' || lf != '\n') {
            throw new IOException("aws-chunked data is not followed by CRLF");
        }
    }

    /**
     * A CRLF-terminated line without its end, decoded as UTF-8, or null when it has more than {@code max} bytes.
     * A line may not be split by a bare LF either: only the LF ends it.
     */
    private String readLine(int max) throws IOException {
        StringBuilder line = new StringBuilder(); // one char per byte (ISO-8859-1), decoded at the end
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
            if (line.length() > max) { // max bytes and the CR before the LF
                return null;
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
