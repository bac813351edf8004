import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 server that keeps nothing: it reads each request's head and body and answers 200 (a GET with 4 KiB of
 * zeros, so S3Bench's GET phase passes). It gives the benchmark client's ceiling on this machine: whatever a real
 * server does costs on top of it. One thread per connection, kept alive.
 * {@code java benchmark/DoNothingServer.java <port>}
 */
public final class DoNothingServer {
    private static final byte[] GET_BODY = new byte[4096];

    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket));
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            byte[] skip = new byte[64 * 1024];
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                long length = 0;
                boolean close = false;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(header.substring(15).trim());
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                for (long left = length; left > 0; ) {
                    int n = in.read(skip, 0, (int) Math.min(skip.length, left));
                    if (n < 0) {
                        return;
                    }
                    left -= n;
                }
                boolean get = requestLine.startsWith("GET ");
                out.write(("HTTP/1.1 200 OK\r\nETag: \"0\"\r\nContent-Length: " + (get ? GET_BODY.length : 0) + "\r\n"
                        + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                if (get) {
                    out.write(GET_BODY);
                }
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (Exception e) {
            // the client went away: nothing to keep
        }
    }

    /** One header line without its CR LF; null at the end of the stream. */
    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
