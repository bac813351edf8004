package io.cloudjar.app;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pytest scripts in {@code src/test/python} against an in-process server with every service: the AWS
 * CLI and boto3 as users run them. Skipped, not failed, where a tool is missing.
 */
class ScriptedClientsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static PytestRunner cli() {
        return PytestRunner.in("src/test/python").requirePython("pytest").requireCommand("aws", "--version");
    }

    private static PytestRunner boto3Scripts() {
        return PytestRunner.in("src/test/python").requirePython("pytest", "boto3");
    }

    @Test
    void awsCli() throws Exception {
        cli().run(cloudjar, "test_cli_smoke.py");
    }

    @Test
    void awsCliEc2Compute() throws Exception {
        cli().run(cloudjar, "test_cli_ec2_compute.py");
    }

    @Test
    void boto3() throws Exception {
        boto3Scripts().run(cloudjar, "test_boto3_smoke.py");
    }

    @Test
    void awsCliIamAndStsSeedFlows() throws Exception {
        cli().run(cloudjar, "test_iam_cli.py");
    }

    @Test
    void boto3CredentialReportAndMfa() throws Exception {
        boto3Scripts().run(cloudjar, "test_iam_boto3.py");
    }
}
