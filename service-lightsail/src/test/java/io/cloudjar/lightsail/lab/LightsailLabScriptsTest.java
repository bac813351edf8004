package io.cloudjar.lightsail.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lightsail seed flow in {@code src/test/lab} with the real AWS CLI and Terraform against an in-process server. */
class LightsailLabScriptsTest {
    // the wall clock, as the EC2 and RDS labs: Terraform polls operations on its own time
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    private static PytestRunner lab() {
        return PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(10)).requirePython("pytest")
                .requireCommand("aws", "--version");
    }

    @Test
    void awsCliWalksTheSeedFlow() throws Exception {
        lab().run(cloudjar, "test_lightsail_cli.py");
    }

    @Test
    void terraformAppliesAServerWithoutDriftAndDestroysIt() throws Exception {
        lab().requireTerraform().run(cloudjar, "test_lightsail_terraform.py");
    }
}
