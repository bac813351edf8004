package io.cloudjar.ec2;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A test class's server (started once per class), an SDK client signed as the default account, a clean state per test. */
abstract class Ec2SdkTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    protected final Ec2Client ec2 = cloudjar.client(Ec2Client.builder());

    @AfterEach
    void resetState() {
        cloudjar.reset();
        ec2.close();
    }
}
