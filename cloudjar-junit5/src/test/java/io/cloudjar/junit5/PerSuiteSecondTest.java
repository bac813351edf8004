package io.cloudjar.junit5;

import io.cloudjar.core.server.CloudjarServer;
import org.junit.jupiter.api.Test;

@Cloudjar(lifecycle = Cloudjar.Lifecycle.PER_SUITE, services = "sts")
class PerSuiteSecondTest {
    @Test
    void sharesTheSuiteServer(CloudjarServer server) {
        PerSuiteServers.sameAsBefore(server);
    }
}
