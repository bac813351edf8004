package io.cloudjar.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The metadata service answers while the instance's guest runs, and always shows its current addresses.
 * Transitions take a minute here (scale 60), so each state can be read without racing the wall clock.
 */
class InstanceMetadataLifecycleTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("EC2_TRANSITION_SCALE", "60");

    private static final String PUBLIC_IP = "/latest/meta-data/public-ipv4";
    private static final Duration SETTLE = Duration.ofSeconds(61);

    private final Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
    private final ImdsHttp imds = new ImdsHttp(cloudjar);

    @AfterEach
    void reset() {
        cloudjar.reset();
        ec2.close();
    }

    private String state(String id) {
        return TestLaunches.describe(ec2, id).state().nameAsString();
    }

    private int status(String id) {
        return imds.get(id, "/latest/meta-data/instance-id").statusCode();
    }

    @Test
    void onlyAnInstanceWhoseGuestRunsAnswersAndAStartedOneShowsItsNewPublicAddress() {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        assertThat(state(id)).isEqualTo("pending");
        assertThat(status(id)).as("pending: not booted yet").isEqualTo(404);

        cloudjar.advanceClock(SETTLE);
        assertThat(state(id)).isEqualTo("running");
        String firstIp = imds.get(id, PUBLIC_IP).body();
        assertThat(firstIp).isEqualTo(TestLaunches.describe(ec2, id).publicIpAddress());

        ec2.stopInstances(r -> r.instanceIds(id));
        assertThat(state(id)).isEqualTo("stopping");
        assertThat(status(id)).as("stopping: the guest is shutting down").isEqualTo(200);
        cloudjar.advanceClock(SETTLE);
        assertThat(state(id)).isEqualTo("stopped");
        assertThat(status(id)).isEqualTo(404);

        ec2.startInstances(r -> r.instanceIds(id));
        cloudjar.advanceClock(SETTLE);
        String secondIp = imds.get(id, PUBLIC_IP).body();
        assertThat(secondIp).isEqualTo(TestLaunches.describe(ec2, id).publicIpAddress()).isNotEqualTo(firstIp);

        ec2.terminateInstances(r -> r.instanceIds(id));
        assertThat(state(id)).isEqualTo("shutting-down");
        assertThat(status(id)).isEqualTo(200);
        cloudjar.advanceClock(SETTLE);
        assertThat(state(id)).isEqualTo("terminated");
        assertThat(status(id)).isEqualTo(404);
        cloudjar.advanceClock(Duration.ofHours(2));
        assertThat(status(id)).as("gone").isEqualTo(404);
    }

    @Test
    void anElasticIpShowsAsThePublicAddressOnceAssociated() {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        cloudjar.advanceClock(SETTLE);
        var eip = ec2.allocateAddress(r -> r.domain("vpc"));
        ec2.associateAddress(r -> r.allocationId(eip.allocationId()).instanceId(id));
        assertThat(imds.get(id, PUBLIC_IP).body()).isEqualTo(eip.publicIp());
    }
}
