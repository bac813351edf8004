package io.cloudjar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import io.cloudjar.core.protocol.rest.AwsChunkedInputStream;
import io.cloudjar.core.spi.StreamingPayload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** The aws-chunked bodies SDK v2 and boto3 send for S3 uploads, signed and unsigned, with trailing checksums. */
class AwsChunkedDecodingTest {
    private static final String SIG = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";

    private static byte[] content(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return data;
    }

    private static String crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Chunks of {@code chunkSize}, each with a signature extension when {@code signed}, then the trailer lines. */
    private static byte[] chunked(byte[] data, int chunkSize, boolean signed, String... trailerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String ext = signed ? ";chunk-signature=" + SIG : "";
        for (int off = 0; off < data.length; off += chunkSize) {
            int n = Math.min(chunkSize, data.length - off);
            out.writeBytes((Integer.toHexString(n) + ext + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, off, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0" + ext + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String line : trailerLines) {
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static StreamingPayload decodePut(RequestContext ctx) {
        TestContexts.resolve(ctx);
        TestContexts.decode(ctx);
        return ctx.payload();
    }

    @Test
    void signedChunksAreUnwrappedAndTheObjectKeepsItsRealLengthAndEncoding() throws IOException {
        byte[] data = content(70_000);
        RequestContext ctx = Wire.rest("s3", "PUT", "/bucket/big.bin", chunked(data, 65_536, true),
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "Content-Encoding", "aws-chunked,gzip",
                "x-amz-decoded-content-length", "70000", "Content-Length", "70183");

        StreamingPayload payload = decodePut(ctx);
        PutObjectRequest req = ctx.input();

        assertThat(req.contentLength()).isEqualTo(70_000L);
        assertThat(req.contentEncoding()).isEqualTo("gzip");
        assertThat(payload.contentLength()).isEqualTo(70_000L);
        assertThat(payload.stream().readAllBytes()).isEqualTo(data);
        assertThat(payload.trailers().keySet()).isEmpty();
    }

    @Test
    void unsignedChunksCarryTheChecksumAsATrailer() throws IOException {
        byte[] data = "Hello, chunked world!".getBytes(StandardCharsets.UTF_8);
        RequestContext ctx = Wire.rest("s3", "PUT", "/bucket/hello.txt",
                chunked(data, 8, false, "x-amz-checksum-crc32:" + crc32(data)),
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "Content-Encoding", "aws-chunked",
                "x-amz-trailer", "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm", "CRC32",
                "x-amz-decoded-content-length", String.valueOf(data.length));

        StreamingPayload payload = decodePut(ctx);
        PutObjectRequest req = ctx.input();

        assertThat(req.contentEncoding()).as("aws-chunked alone is not stored").isNull();
        assertThat(req.checksumAlgorithmAsString()).isEqualTo("CRC32");
        assertThat(payload.declaredTrailers()).containsExactly("x-amz-checksum-crc32");
        assertThat(payload.trailers().keySet()).as("trailers are known only once the body is read").isEmpty();
        assertThat(payload.stream().readAllBytes()).isEqualTo(data);
        assertThat(payload.trailers().get("x-amz-checksum-crc32")).isEqualTo(crc32(data)).isEqualTo("F/8VHg==");
    }

    @Test
    void signedChunksWithTrailerKeepTheTrailerSignature() throws IOException {
        byte[] data = content(1000);
        RequestContext ctx = Wire.rest("s3", "PUT", "/bucket/k?partNumber=3&uploadId=up-1",
                chunked(data, 300, true, "x-amz-checksum-crc32:" + crc32(data), "x-amz-trailer-signature:" + SIG),
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "Content-Encoding", "aws-chunked",
                "x-amz-trailer", "x-amz-checksum-crc32", "x-amz-decoded-content-length", "1000");

        StreamingPayload payload = decodePut(ctx);
        UploadPartRequest req = ctx.input();

        assertThat(ctx.operation().name()).isEqualTo("UploadPart");
        assertThat(req.partNumber()).isEqualTo(3);
        assertThat(req.uploadId()).isEqualTo("up-1");
        assertThat(req.contentLength()).isEqualTo(1000L);
        assertThat(payload.stream().readAllBytes()).isEqualTo(data);
        assertThat(payload.trailers().get("x-amz-checksum-crc32")).isEqualTo(crc32(data));
        assertThat(payload.trailers().get("x-amz-trailer-signature")).isEqualTo(SIG);
    }

    @Test
    void aPlainBodyIsPassedThroughUntouched() throws IOException {
        byte[] data = "3\r\nnot chunked\r\n".getBytes(StandardCharsets.US_ASCII);
        RequestContext ctx = Wire.rest("s3", "PUT", "/bucket/plain", data, "Content-Length", String.valueOf(data.length),
                "x-amz-content-sha256", "UNSIGNED-PAYLOAD");

        StreamingPayload payload = decodePut(ctx);

        assertThat(((PutObjectRequest) ctx.input()).contentLength()).isEqualTo((long) data.length);
        assertThat(payload.contentLength()).isEqualTo(data.length);
        assertThat(payload.stream().readAllBytes()).isEqualTo(data);
    }

    @Test
    void singleByteAndOddSizedReadsSeeTheSameBytes() throws IOException {
        byte[] data = content(517);
        byte[] body = chunked(data, 100, true, "x-amz-checksum-crc32:" + crc32(data));

        AwsChunkedInputStream oneByOne = new AwsChunkedInputStream(new ByteArrayInputStream(body));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        for (int b; (b = oneByOne.read()) >= 0; ) {
            seen.write(b);
        }
        assertThat(seen.toByteArray()).isEqualTo(data);
        assertThat(oneByOne.trailers().get("x-amz-checksum-crc32")).isEqualTo(crc32(data));

        InputStream odd = new AwsChunkedInputStream(new TrickleInputStream(body, 7));
        byte[] buf = new byte[13];
        ByteArrayOutputStream seenOdd = new ByteArrayOutputStream();
        for (int n; (n = odd.read(buf, 0, buf.length)) >= 0; ) {
            seenOdd.write(buf, 0, n);
        }
        assertThat(seenOdd.toByteArray()).isEqualTo(data);
    }

    @Test
    void anEmptyObjectIsJustTheFinalChunk() throws IOException {
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(chunked(new byte[0], 10, true)));

        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    @Test
    void aBodyEndingRightAfterTheTrailersIsAccepted() throws IOException {
        byte[] body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n".getBytes(StandardCharsets.US_ASCII);
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body));

        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(in.trailers().get("x-amz-checksum-crc32")).isEqualTo("NhCmhg==");
    }

    @Test
    void truncatedOrMalformedBodiesFail() {
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream("a;chunk-signature=x\r\nhello")).readAllBytes())
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream("zz\r\nhello\r\n")).readAllBytes())
                .isInstanceOf(IOException.class).hasMessageContaining("size line");
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream("5\r\nhelloXX0\r\n\r\n")).readAllBytes())
                .isInstanceOf(IOException.class).hasMessageContaining("CRLF");
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream("5\r\nhello\r\n")).readAllBytes())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void aTrailerSectionBeyondAHeaderSectionIsMalformedTrailerErrorAndReadingStopsThere() {
        StringBuilder body = new StringBuilder("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n");
        body.append("x-amz-pad:0123456789\r\n".repeat(50_000)).append("\r\n"); // about 1 MB of trailers
        CountingStream counted = new CountingStream(stream(body.toString()));

        AwsException error = Wire.awsError(() -> new AwsChunkedInputStream(counted).readAllBytes());

        assertThat(error.code()).isEqualTo("MalformedTrailerError");
        assertThat(error.status()).isEqualTo(400);
        assertThat(counted.count).as("read no further than the limit").isLessThan(10_000);
    }

    @Test
    void aTrailerLineWithoutAColonIsMalformedTrailerError() {
        AwsException error = Wire.awsError(() -> new AwsChunkedInputStream(
                stream("5\r\nhello\r\n0\r\nx-amz-checksum-crc32NhCmhg==\r\n\r\n")).readAllBytes());

        assertThat(error.code()).isEqualTo("MalformedTrailerError");
    }

    @Test
    void anOversizedSizeLineFailsWithinItsLimit() {
        CountingStream counted = new CountingStream(stream("1;chunk-signature=" + "a".repeat(1_000_000) + "\r\nx\r\n0\r\n\r\n"));

        assertThatThrownBy(() -> new AwsChunkedInputStream(counted).readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("size line");
        assertThat(counted.count).isLessThan(5_000);
    }

    @Test
    void aChunkBeyondTheDecodedLengthFailsBeforeItsDataIsRead() {
        CountingStream counted = new CountingStream(stream("100000\r\n" + "a".repeat(0x100000) + "\r\n0\r\n\r\n"));

        assertThatThrownBy(() -> new AwsChunkedInputStream(counted, 10).readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("x-amz-decoded-content-length");
        assertThat(counted.count).as("the chunk's data is not read").isLessThan(100);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Hands out at most {@code max} bytes per read, as a network stream does. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        private final int max;

        TrickleInputStream(byte[] data, int max) {
            super(data);
            this.max = max;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, max));
        }
    }
}
