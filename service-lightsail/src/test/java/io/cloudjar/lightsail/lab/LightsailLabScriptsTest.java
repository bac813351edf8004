package io.cloudjar.lightsail.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lightsail seed flow in {@code src/test/lab} with the real AWS CLI against an in-process server. */
class LightsailLabScriptsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    @Test
    void awsCliWalksTheSeedFlow() throws Exception {
        PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(5)).requirePython("pytest")
                .requireCommand("aws", "--version").run(cloudjar, "test_lightsail_cli.py");
    }
}
