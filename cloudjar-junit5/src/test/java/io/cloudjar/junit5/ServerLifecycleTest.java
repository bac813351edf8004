package io.cloudjar.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.cloudjar.core.server.CloudjarServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** When servers start and stop: classes run in their own launcher, so "the end of the run" can be observed. */
class ServerLifecycleTest {
    static final List<CloudjarServer> SEEN = new CopyOnWriteArrayList<>();
    static final List<Boolean> ACCEPTING = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
        ACCEPTING.clear();
    }

    @Test
    void perClassServersStopWithTheirClass() {
        Events tests = run(PerClassA.class, PerClassB.class);

        tests.assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(ACCEPTING).containsExactly(true, true);
        assertThat(SEEN).allSatisfy(server -> assertThat(accepts(server)).as("stopped after its class").isFalse());
    }

    @Test
    void perSuiteServersAreSharedAndStopWhenTheRunEnds() {
        Events tests = run(PerSuiteA.class, PerSuiteB.class, PerSuiteOther.class);

        tests.assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(0)).as("same settings, one server").isSameAs(SEEN.get(1));
        assertThat(SEEN.get(2)).as("other settings, another server").isNotSameAs(SEEN.get(0));
        assertThat(ACCEPTING).containsOnly(true);
        assertThat(SEEN).allSatisfy(server -> assertThat(accepts(server)).as("stopped at the end of the run").isFalse());
    }

    @Test
    void aClassAfterTheFirstStillFindsTheSharedServerRunning() {
        Events tests = run(PerSuiteA.class, PerClassA.class, PerSuiteB.class);

        tests.assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(2));
        assertThat(ACCEPTING).containsOnly(true);
    }

    private static Events run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        return request.execute().testEvents();
    }

    static void record(CloudjarServer server) {
        SEEN.add(server);
        ACCEPTING.add(accepts(server));
    }

    static boolean accepts(CloudjarServer server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Cloudjar(services = "sts")
    static class PerClassA {
        @Test
        void run(CloudjarServer server) {
            record(server);
        }
    }

    @Cloudjar(services = "sts")
    static class PerClassB {
        @Test
        void run(CloudjarServer server) {
            record(server);
        }
    }

    @Cloudjar(services = "sts", lifecycle = Cloudjar.Lifecycle.PER_SUITE)
    static class PerSuiteA {
        @Test
        void run(CloudjarServer server) {
            record(server);
        }
    }

    @Cloudjar(services = "sts", lifecycle = Cloudjar.Lifecycle.PER_SUITE, resetBetweenTests = true)
    static class PerSuiteB { // resetting is per class: it does not make another server
        @Test
        void run(CloudjarServer server) {
            record(server);
        }
    }

    @Cloudjar(services = {"sts", "iam"}, lifecycle = Cloudjar.Lifecycle.PER_SUITE)
    static class PerSuiteOther {
        @Test
        void run(CloudjarServer server) {
            record(server);
        }
    }
}
