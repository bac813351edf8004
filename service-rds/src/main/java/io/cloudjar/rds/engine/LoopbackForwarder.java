package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP endpoint on one loopback address that passes each connection on to a server on 127.0.0.1, whichever port
 * {@code target} names when the connection comes: an endpoint that follows a role (Aurora's reader endpoint) rather
 * than one server. Plain blocking sockets, two daemon threads per connection: a learner's handful of connections.
 */
public final class LoopbackForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackForwarder.class);
    private final ServerSocket listener;
    private final IntSupplier target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackForwarder(ServerSocket listener, IntSupplier target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on {@code address:port} at once; fails when that is taken. */
    public static LoopbackForwarder open(InetAddress address, int port, IntSupplier target) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        LoopbackForwarder forwarder = new LoopbackForwarder(listener, target);
        daemon("cloudjar-rds-endpoint-" + port, forwarder::acceptAll);
        return forwarder;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public boolean isOpen() {
        return !listener.isClosed();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt());
                } catch (IOException | IllegalArgumentException e) { // no server, or no port to name
                    client.close(); // nothing behind the endpoint now: the client sees the connection closed
                    continue;
                }
                open.add(client);
                open.add(server);
                daemon("cloudjar-rds-endpoint-in", () -> pump(client, server));
                daemon("cloudjar-rds-endpoint-out", () -> pump(server, client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.debug("Endpoint on port {} stopped accepting: {}", listener.getLocalPort(), e.toString());
                }
            }
        }
    }

    /** Copies one direction until either side ends, then closes both. */
    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the other direction or close() ended it
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void quietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and ends every connection passed on. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::quietly);
    }
}
