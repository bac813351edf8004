package io.cloudjar.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP {@code CONNECT} proxy that tunnels every connection to one local port, whatever host it names.
 * The SDK's Netty client resolves host names with the JDK, which does not know that {@code *.localhost} is
 * loopback (RFC 6761); behind this proxy the async client and {@code S3TransferManager} address buckets
 * virtual-host style ({@code Host: <bucket>.localhost}) as they would where systemd-resolved answers.
 */
final class LoopbackTunnel implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    LoopbackTunnel(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-tunnel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The {@code host:port} authorities clients asked to be tunnelled to. */
    Set<String> hosts() {
        return hosts;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> tunnel(client), "loopback-tunnel-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            hosts.add(requestLine[1]);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread up = new Thread(() -> pump(in, server), "loopback-tunnel-up");
            up.setDaemon(true);
            up.start();
            pump(server.getInputStream(), client);
            up.join();
        } catch (IOException | InterruptedException e) {
            // a client or the server closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; matched < 4 && (c = in.read()) >= 0; ) {
            head.write(c);
            matched = "\r\n\r\n".charAt(matched) == c ? matched + 1 : c == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Copies until end of stream, then half-closes the other side so the peer sees the end too. */
    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // the other direction closed first
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
