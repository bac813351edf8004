package io.cloudjar.ec2.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EC2 seed flow in {@code src/test/lab} against an in-process server: the aws CLI from key pair to
 * termination, and Terraform applying an AMI lookup, an instance with user data and an Elastic IP,
 * re-planning with no changes and destroying it.
 */
class Ec2LabScriptsTest {
    // the wall clock: Terraform polls for running instances on its own clock; the CLI script moves the clock itself
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
    void awsCliWalksTheSeedFlowFromKeyPairToTermination() throws Exception {
        lab().run(cloudjar, "test_ec2_seed_flow_cli.py");
    }

    @Test
    void terraformLaunchesAnInstanceWithoutDriftAndDestroysIt() throws Exception {
        lab().requireTerraform().run(cloudjar, "test_ec2_terraform.py");
    }
}
