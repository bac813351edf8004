package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.auth.ChunkSignatures;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Decodes an {@code aws-chunked} body as SDK v2 and boto3 send it to S3:
 * {@code <hex-size>[;chunk-signature=…]\r\n<data>\r\n … 0[;…]\r\n<trailer>:<value>\r\n\r\n}.
 * Trailing headers (checksums, the trailer signature) are collected for the provider to verify. When the request's
 * signature was verified, each chunk's {@code chunk-signature} and the trailer signature are verified here as the
 * chunk ends ({@link ChunkSignatures}), so a changed chunk fails the read before the provider stores anything.
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
    private final ChunkSignatures signatures;
    private final MessageDigest chunkDigest;
    private String chunkSignature;
    private final StringBuilder signedTrailers = new StringBuilder();
    private long chunkRemaining;
    private long decoded;
    private boolean finished;

    public AwsChunkedInputStream(InputStream in) {
        this(in, -1);
    }

    /** @param decodedLength {@code x-amz-decoded-content-length}; more data than that fails at once (-1: unknown) */
    public AwsChunkedInputStream(InputStream in, long decodedLength) {
        this(in, decodedLength, null);
    }

    /** @param signatures the chain to verify each chunk against; null when the request's signature was not verified */
    public AwsChunkedInputStream(InputStream in, long decodedLength, ChunkSignatures signatures) {
        this.in = in;
        this.decodedLength = decodedLength;
        this.signatures = signatures;
        this.chunkDigest = signatures == null ? null : sha256();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (chunkDigest != null) {
            chunkDigest.update(buf, off, n);
        }
        if (chunkRemaining == 0) {
            expectCrlf();
            if (signatures != null) {
                signatures.verifyChunk(chunkSignature, chunkDigest.digest());
            }
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
        chunkSignature = semi < 0 ? null : extension(header.substring(semi + 1), "chunk-signature");
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
            if (signatures != null) {
                signatures.verifyChunk(chunkSignature, chunkDigest.digest());
            }
            readTrailers();
            if (signatures != null && signatures.trailerSigned()) {
                verifyTrailerSignature();
            }
            finished = true;
        }
    }

    /** The value of {@code name=value} among a size line's {@code ;}-separated extensions, or null. */
    private static String extension(String extensions, String name) {
        for (String part : extensions.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /** The trailing headers but the signature, {@code name:value\n} each in the order sent, are what the client signed. */
    private void verifyTrailerSignature() {
        signatures.verifyTrailer(trailers.get("x-amz-trailer-signature"), signedTrailers.toString());
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
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            trailers.add(name, value);
            if (!name.equalsIgnoreCase("x-amz-trailer-signature")) {
                signedTrailers.append(name.toLowerCase(Locale.ROOT)).append(':').append(value).append('\n');
            }
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
