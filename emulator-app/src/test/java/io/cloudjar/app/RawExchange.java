package io.cloudjar.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange over a socket with any bytes at all as the request, and the answer read strictly: a status
 * line, headers, then exactly the body they announce (Content-Length or chunks; none for HEAD, 204, 304), all
 * within a time bound. An answer that ends early or never comes is an {@link AssertionError}, so a test sees a
 * hang or a torn response as a failure, not as a slow pass. The request is written on its own thread, so a server
 * that answers before reading a large body is read at once.
 */
final class RawExchange {
    private RawExchange() {
    }

    /** An answer; header names in lower case. {@code raw} is the whole head, for messages. */
    record Response(int status, String reason, Map<String, String> headers, byte[] body, String raw) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param request   the bytes to send
     * @param halfClose whether to shut the sending side after them (a body that breaks off)
     * @param head      whether the request was a HEAD (its answer has no body whatever it announces)
     * @return the answer, or null when the server closed the connection without sending a byte
     */
    static Response exchange(int port, byte[] request, boolean halfClose, boolean head, Duration bound) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) bound.toMillis());
            Thread writer = new Thread(() -> write(socket, request, halfClose), "raw-exchange-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + bound.toNanos();
            try {
                boolean first = true;
                while (true) {
                    String statusLine = first ? firstLine(in) : line(in);
                    first = false;
                    if (statusLine == null) {
                        return null;
                    }
                    Response response = rest(in, statusLine, head);
                    if (response.status() >= 100 && response.status() < 200) {
                        continue; // 100 Continue: the answer follows
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("answer took longer than " + bound + ": " + statusLine);
                    }
                    return response;
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer within " + bound, e);
            }
        }
    }

    /** The status line, or null when the connection ends (closed or reset) before the server sent anything. */
    private static String firstLine(InputStream in) throws IOException {
        try {
            return line(in);
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    private static void write(Socket socket, byte[] request, boolean halfClose) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int off = 0; off < request.length; off += 64 * 1024) {
                out.write(request, off, Math.min(64 * 1024, request.length - off));
            }
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // the server answered and closed before taking everything: the answer is what counts
        }
    }

    private static Response rest(InputStream in, String statusLine, boolean head) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new AssertionError("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        StringBuilder raw = new StringBuilder(statusLine).append("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); ; line = line(in)) {
            if (line == null) {
                throw new AssertionError("connection closed inside the headers: " + raw);
            }
            if (line.isEmpty()) {
                break;
            }
            raw.append(line).append("\r\n");
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new AssertionError("malformed header line '" + line + "' in " + raw);
            }
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body;
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunks(in, raw);
        } else if (headers.containsKey("content-length")) {
            body = exactly(in, Long.parseLong(headers.get("content-length")), raw);
        } else {
            body = in.readAllBytes(); // delimited by the connection's end
        }
        return new Response(status, parts.length > 2 ? parts[2] : "", headers, body, raw.toString());
    }

    private static byte[] chunks(InputStream in, StringBuilder raw) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new AssertionError("chunked body ended without its last chunk: " + raw);
            }
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not needed
                }
                return body.toByteArray();
            }
            body.writeBytes(exactly(in, length, raw));
            if (!"".equals(line(in))) {
                throw new AssertionError("chunk not followed by CRLF: " + raw);
            }
        }
    }

    private static byte[] exactly(InputStream in, long length, StringBuilder raw) throws IOException {
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new AssertionError("body ended after " + body.length + " of " + length + " bytes: " + raw);
        }
        return body;
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && previous < 0) {
                    return null;
                }
                throw new AssertionError("stream ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }
}
