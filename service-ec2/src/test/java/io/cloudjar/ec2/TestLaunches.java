package io.cloudjar.ec2;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.Comparator;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Launches real instances for tests, from the catalogue's Ubuntu 22.04 image. */
final class TestLaunches {
    static final String JAMMY = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*";

    private TestLaunches() {
    }

    /** The newest Ubuntu 22.04 amd64 image, as a learner finds it with a name filter. */
    static String ubuntu(Ec2Client ec2) {
        return ec2.describeImages(r -> r.owners("099720109477").filters(f -> f.name("name").values(JAMMY))).images().stream()
                .max(Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
    }

    /** A t2.micro in the zone's default subnet, already running (the clock is moved past its boot). */
    static Instance running(CloudjarServerExtension cloudjar, Ec2Client ec2, String zone) {
        String id = ec2.runInstances(r -> r.imageId(ubuntu(ec2)).instanceType("t2.micro").minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone(zone))).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        return describe(ec2, id);
    }

    static Instance describe(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }
}
