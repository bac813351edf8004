package io.cloudjar.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.server.CloudjarServer;

/** What {@link PerSuiteFirstTest} and {@link PerSuiteSecondTest} saw: they run in one JVM and one launcher. */
final class PerSuiteServers {
    private static CloudjarServer seen;

    private PerSuiteServers() {
    }

    static synchronized void sameAsBefore(CloudjarServer server) {
        if (seen == null) {
            seen = server;
        } else {
            assertThat(server).as("per-suite classes with equal settings share one server").isSameAs(seen);
        }
    }
}
