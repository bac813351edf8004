package io.cloudjar.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built HTTP request as bytes, so a test can send what no client would: any method, target, version and
 * header bytes (invalid UTF-8, control characters), no Host, a Content-Length that lies, a body cut short.
 */
final class RawRequest {
    private final String method;
    private final String target;
    private String version = "HTTP/1.1";
    private String host = "localhost";
    private final List<byte[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private String contentLength;
    private int sent = -1;

    private RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    static RawRequest of(String method, String target) {
        return new RawRequest(method, target);
    }

    RawRequest version(String value) {
        version = value;
        return this;
    }

    /** @param value the Host header, or null for none */
    RawRequest host(String value) {
        host = value;
        return this;
    }

    RawRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A header whose value is exactly these bytes. */
    RawRequest header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
        line.writeBytes(value);
        headers.add(line.toByteArray());
        return this;
    }

    RawRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    RawRequest body(byte[] bytes) {
        body = bytes;
        return this;
    }

    /** Announces this Content-Length whatever the body (null: none, for a chunked body written in the body). */
    RawRequest contentLength(String value) {
        contentLength = value;
        return this;
    }

    /** Sends only the first {@code bytes} of the body. */
    RawRequest truncatedTo(int bytes) {
        sent = bytes;
        return this;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " " + version + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (host != null) {
            out.writeBytes(("Host: " + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] header : headers) {
            out.writeBytes(header);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        String length = contentLength != null ? contentLength : headers.stream().anyMatch(RawRequest::isTransferEncoding)
                ? null : Integer.toString(body.length);
        if (length != null) {
            out.writeBytes(("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        out.write(body, 0, sent < 0 ? body.length : Math.min(sent, body.length));
        return out.toByteArray();
    }

    private static boolean isTransferEncoding(byte[] header) {
        return new String(header, StandardCharsets.ISO_8859_1).toLowerCase().startsWith("transfer-encoding:");
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
