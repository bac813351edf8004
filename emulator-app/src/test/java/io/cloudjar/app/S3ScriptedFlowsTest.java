package io.cloudjar.app;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed notes' S3 bucket feature flows with boto3 against a server with every service (IAM decides anonymous
 * access). A server of its own: the script moves the emulator clock days ahead (lifecycle), which would put other
 * scripts' signatures out of the allowed skew.
 */
class S3ScriptedFlowsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void boto3WebsiteLifecycleReplicationEncryptionLockAclsCorsLogsAndEvents() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3").run(cloudjar, "test_s3_bucket_features_boto3.py");
    }
}
