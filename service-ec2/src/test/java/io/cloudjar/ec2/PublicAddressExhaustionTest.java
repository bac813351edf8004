package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A launch that needs more auto-assigned public addresses than the server has left fails with EC2's capacity
 * error and leaves nothing behind. The pool is two addresses here ({@code EC2_PUBLIC_IP_RANGES}).
 */
class PublicAddressExhaustionTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("EC2_PUBLIC_IP_RANGES", "203.0.113.0/30");

    @Test
    void aLaunchBeyondThePublicAddressesLeftIsAnAddressLimit() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))) { // an answer at once, no retries
            String image = TestLaunches.ubuntu(ec2);
            // default subnets give every instance a public address
            assertEc2Error(() -> ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(3).maxCount(3)),
                    "AddressLimitExceeded", 400, "The maximum number of addresses has been reached.");
            assertThat(ec2.describeInstances().reservations()).isEmpty();
            assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).isEmpty();

            var launched = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(2).maxCount(2)).instances();
            assertThat(launched).extracting(Instance::publicIpAddress).containsExactlyInAnyOrder("203.0.113.1", "203.0.113.2");
        }
    }
}
