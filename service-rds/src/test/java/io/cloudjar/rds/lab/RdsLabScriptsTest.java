package io.cloudjar.rds.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RDS seed flow in {@code src/test/lab} against an in-process server: the aws CLI and psql from a custom VPC's
 * subnet group through a PostgreSQL instance, a snapshot and a restore, to deletion.
 */
class RdsLabScriptsTest {
    // the wall clock, as the EC2 lab: the CLI's waiters poll on their own time; the script moves the clock itself
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
    void awsCliAndPsqlWalkThePostgresSeedFlow() throws Exception {
        lab().run(cloudjar, "test_rds_cli.py");
    }

    @Test
    void terraformAppliesADatabaseWithoutDriftAndDestroysIt() throws Exception {
        lab().requireTerraform().run(cloudjar, "test_rds_terraform.py");
    }
}
