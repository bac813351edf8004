package io.cloudjar.rds.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local ports for database servers: 4510–4559 first (the range LocalStack uses for its external services, so
 * firewall rules and docker port maps written for it fit), any free port after that.
 */
final class EnginePorts {
    static final int FIRST = 4510;
    static final int LAST = 4559;
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    private EnginePorts() {
    }

    /** {@code preferred} when it is free (a server started again after a restart keeps its port), else {@link #take()}. */
    static int take(int preferred) {
        if (preferred > 0 && TAKEN.add(preferred)) {
            if (free(preferred)) {
                return preferred;
            }
            TAKEN.remove(preferred);
        }
        return take();
    }

    static int take() {
        for (int port = FIRST; port <= LAST; port++) {
            if (TAKEN.add(port)) {
                if (free(port)) {
                    return port;
                }
                TAKEN.remove(port);
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TAKEN.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free local port for a database server", e);
        }
    }

    static void release(int port) {
        TAKEN.remove(port);
    }

    /** Free on 127.0.0.1 and, where the machine has it, on ::1: "localhost" may reach either. */
    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            return false;
        }
        if (IPV6_LOOPBACK) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("::1"))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Whether this machine has an IPv6 loopback address to listen on. */
    static final boolean IPV6_LOOPBACK = ipv6Loopback();

    private static boolean ipv6Loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
