package io.cloudjar.app.auth;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * boto3 and the AWS CLI sign with a key Cloudjar issued ({@code test_signatures_boto3.py}): presigned URLs of
 * both signature versions and header signatures are verified. The server runs on the wall clock, which the
 * clients presign with; the script moves it forward to expire URLs.
 */
class PresignedScriptsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @Test
    void boto3AndAwsCliSignatures() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3").requireCommand("aws", "--version")
                .run(cloudjar, "test_signatures_boto3.py");
    }
}
