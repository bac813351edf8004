package io.cloudjar.s3;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pytest scripts in {@code src/test/python}: the AWS CLI and boto3 against an in-process server. */
class S3ScriptedClientsTest {
    // the wall clock: aws s3 sync compares file times with LastModified, and clients presign with their own clock
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @Test
    void awsCliSyncsTreesAndDrivesVersioningAndMultipart() throws Exception {
        // every case runs in both addressing styles, and each aws call starts a Python process: minutes on a busy machine
        PytestRunner.in("src/test/python").requirePython("pytest").requireCommand("aws", "--version")
                .timeout(java.time.Duration.ofMinutes(15)).run(cloudjar, "test_s3_cli.py");
    }

    @Test
    void boto3TransfersPresignsAndPostsForms() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3", "requests").run(cloudjar, "test_s3_boto3.py");
    }
}
