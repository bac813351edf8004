package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;

/**
 * When every public address of the server is taken, EC2's capacity error rather than a fault. The pool is
 * two addresses here ({@code EC2_PUBLIC_IP_RANGES=203.0.113.0/30}), below the account's quota of five.
 */
class PublicAddressPoolTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("EC2_PUBLIC_IP_RANGES", "203.0.113.0/30");

    @Test
    void anEmptyPoolIsAnAddressLimitUntilAnAddressIsReleased() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))) { // an answer at once, no retries
            AllocateAddressResponse first = ec2.allocateAddress(r -> r.domain("vpc"));
            AllocateAddressResponse second = ec2.allocateAddress(r -> r.domain("vpc"));
            assertThat(java.util.List.of(first.publicIp(), second.publicIp())).containsExactlyInAnyOrder("203.0.113.1", "203.0.113.2");
            assertEc2Error(() -> ec2.allocateAddress(r -> r.domain("vpc")), "AddressLimitExceeded", 400,
                    "The maximum number of addresses has been reached.");
            assertThat(ec2.describeAddresses().addresses()).hasSize(2);

            ec2.releaseAddress(r -> r.allocationId(first.allocationId()));
            assertThat(ec2.allocateAddress(r -> r.domain("vpc")).publicIp()).isEqualTo(first.publicIp());
        }
    }
}
