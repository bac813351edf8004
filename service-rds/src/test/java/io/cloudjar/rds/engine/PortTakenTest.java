package io.cloudjar.rds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A port free when taken may be bound by another program (another Cloudjar's database on this machine) before the
 * postmaster starts: the server then starts on another port rather than failing.
 */
class PortTakenTest {
    @Test
    void aServerWhosePortIsTakenMeanwhileStartsOnAnother() throws Exception {
        DatabaseServers servers = DatabaseServers.open(null, "rds-test", EngineOptions.from(name -> null));
        try {
            DatabaseEngine engine = servers.engine("postgres").orElse(null);
            Assumptions.assumeTrue(engine != null, "no PostgreSQL on this machine");
            RunningDatabase server = servers.create(engine, new DatabaseSpec("porttaken", "master", "Secret-pass1", null));
            int first = server.port();
            // initdb takes a second or more: the port is taken before the postmaster starts
            List<ServerSocket> squatters = squat(first);
            try {
                assertThat(server.awaitReady(Duration.ofSeconds(120))).as(server.failure().orElse("")).isTrue();
                assertThat(server.port()).isNotEqualTo(first);
            } finally {
                for (ServerSocket s : squatters) {
                    s.close();
                }
            }
        } finally {
            servers.close();
        }
    }

    /** Binds the port on every loopback address there is (IPv6 may be missing). */
    private static List<ServerSocket> squat(int port) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        sockets.add(new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")));
        try {
            sockets.add(new ServerSocket(port, 1, InetAddress.getByName("::1")));
        } catch (IOException noIpv6) {
            // only IPv4 here: "localhost" is 127.0.0.1 alone
        }
        return sockets;
    }
}
