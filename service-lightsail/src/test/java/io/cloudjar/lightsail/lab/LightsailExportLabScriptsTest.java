package io.cloudjar.lightsail.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Host keys checked by ssh-keygen, VPC peering and export to EC2 in {@code src/test/lab/test_lightsail_export_cli.py},
 * with the real AWS CLI (its lightsail and ec2 commands) against an in-process server.
 */
class LightsailExportLabScriptsTest {
    // the wall clock, as the other labs: the CLI polls on its own time; the script moves the clock
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    @Test
    void awsCliTakesAServerToEc2() throws Exception {
        PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(10)).requirePython("pytest")
                .requireCommand("aws", "--version").requireCommand("sh", "-c", "command -v ssh-keygen")
                .run(cloudjar, "test_lightsail_export_cli.py");
    }
}
