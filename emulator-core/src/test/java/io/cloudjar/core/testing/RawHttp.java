package io.cloudjar.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One HTTP/1.1 connection over a plain socket, for what SDKs refuse to send (control characters, stalled bodies,
 * bytes one at a time) and to see exactly what the server does with the connection afterwards. Every read has a
 * timeout, so a server that hangs fails the test instead of hanging it.
 */
public final class RawHttp implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A server's answer: status, headers (names in lower case) and the body its Content-Length announced. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** @param readTimeoutMillis how long any read may wait before the test fails with {@link SocketTimeoutException} */
    public RawHttp(int port, int readTimeoutMillis) throws IOException {
        this(port, readTimeoutMillis, 0);
    }

    /** @param receiveBufferBytes a small socket buffer, so an answer the test does not read stays on the server (0: default) */
    public RawHttp(int port, int readTimeoutMillis, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Changes how long reads wait from now on. */
    public RawHttp patience(int readTimeoutMillis) throws IOException {
        socket.setSoTimeout(readTimeoutMillis);
        return this;
    }

    /** Sends text as ISO-8859-1 bytes (one byte per char), unchanged. */
    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response; a HEAD answer's body is not read ({@code head} true). */
    public Response read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("The connection closed before a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    public Response read() throws IOException {
        return read(false);
    }

    /**
     * Whether the server closed the connection (end of stream or reset) before the read timeout, discarding
     * anything it still sent; a hang fails with {@link SocketTimeoutException}.
     */
    public boolean closedByServer() throws IOException {
        try {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) >= 0) {
                // drop what was still in flight
            }
            return true;
        } catch (SocketTimeoutException hang) {
            throw hang;
        } catch (SocketException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Whether this JVM (the test and its in-process server) has the file open, from /proc/self/fd. */
    public static boolean isOpen(Path file) throws IOException {
        return openCount(file) > 0;
    }

    /** How many times this JVM has the file open at the moment (each open is its own descriptor). */
    public static long openCount(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** How many files and sockets this JVM (the test and its in-process server) has open, from /proc/self/fd. */
    public static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
