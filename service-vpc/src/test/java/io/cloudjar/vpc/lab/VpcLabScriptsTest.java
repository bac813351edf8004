package io.cloudjar.vpc.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed lab scripts in {@code src/test/lab} against an in-process server: the aws CLI building and
 * tearing down the lab, and Terraform applying, re-planning and destroying it.
 */
class VpcLabScriptsTest {
    // the wall clock: Terraform polls for an available NAT gateway on its own clock; the CLI script moves the clock itself
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    private static PytestRunner lab() {
        return PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(10))
                .requirePython("pytest").requireCommand("aws", "--version");
    }

    @Test
    void awsCliBuildsTheSeedLabAndTearsItDown() throws Exception {
        lab().run(cloudjar, "test_vpc_lab_cli.py");
    }

    @Test
    void terraformAppliesTheSeedLabWithoutDriftAndDestroysIt() throws Exception {
        lab().requireTerraform().run(cloudjar, "test_vpc_lab_terraform.py");
    }
}
