package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Disk;
import software.amazon.awssdk.services.lightsail.model.DiskSnapshot;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.InstancePortInfo;
import software.amazon.awssdk.services.lightsail.model.InstanceSnapshot;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationFailureException;

/** Disks, disk snapshots and instance snapshots, and instances made from those. */
class StorageTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @BeforeEach
    void instance() {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofSeconds(5));
    }

    @Test
    void aDiskIsCreatedAttachedAndDetachedFromAStoppedInstance() {
        Operation created = lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(32)
                .tags(t -> t.key("k").value("v"))).operations().get(0);
        assertThat(created.operationTypeAsString()).isEqualTo("CreateDisk");
        Disk pending = lightsail.getDisk(r -> r.diskName("data")).disk();
        assertThat(pending.stateAsString()).isEqualTo("pending");
        assertThat(pending.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Disk/[0-9a-f-]{36}");
        assertThat(pending.iops()).isEqualTo(100);
        assertThatThrownBy(() -> lightsail.attachDisk(r -> r.diskName("data").instanceName("web").diskPath("/dev/xvdf")))
                .isInstanceOf(OperationFailureException.class);
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(lightsail.getDisk(r -> r.diskName("data")).disk().stateAsString()).isEqualTo("available");

        assertThat(lightsail.attachDisk(r -> r.diskName("data").instanceName("web").diskPath("/dev/xvdf")).operations())
                .extracting(Operation::resourceName).containsExactly("data", "web");
        Disk attached = lightsail.getDisk(r -> r.diskName("data")).disk();
        assertThat(attached.stateAsString()).isEqualTo("in-use");
        assertThat(attached.attachedTo()).isEqualTo("web");
        assertThat(attached.path()).isEqualTo("/dev/xvdf");
        assertThat(LightsailTestKit.instance(lightsail, "web").hardware().disks()).extracting(Disk::sizeInGb).containsExactly(20, 32);

        assertThatThrownBy(() -> lightsail.deleteDisk(r -> r.diskName("data"))).isInstanceOf(OperationFailureException.class);
        assertThatThrownBy(() -> lightsail.detachDisk(r -> r.diskName("data"))).isInstanceOf(OperationFailureException.class);
        lightsail.stopInstance(r -> r.instanceName("web"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.detachDisk(r -> r.diskName("data"));
        assertThat(lightsail.getDisk(r -> r.diskName("data")).disk().isAttached()).isFalse();
        lightsail.deleteDisk(r -> r.diskName("data"));
        assertThat(lightsail.getDisks().disks()).isEmpty();

        assertThatThrownBy(() -> lightsail.createDisk(r -> r.diskName("tiny").availabilityZone("us-east-1a").sizeInGb(2)))
                .isInstanceOf(InvalidInputException.class);
        lightsail.createDisk(r -> r.diskName("far").availabilityZone("us-east-1b").sizeInGb(8));
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThatThrownBy(() -> lightsail.attachDisk(r -> r.diskName("far").instanceName("web").diskPath("/dev/xvdf")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getDisk(r -> r.diskName("ghost"))).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Disk does not exist: ghost"));
    }

    @Test
    void diskSnapshotsMakeNewDisks() {
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(16));
        lightsail.createDiskSnapshot(r -> r.diskName("data").diskSnapshotName("data-snap"));
        DiskSnapshot snap = lightsail.getDiskSnapshot(r -> r.diskSnapshotName("data-snap")).diskSnapshot();
        assertThat(snap.stateAsString()).isEqualTo("pending");
        assertThat(snap.fromDiskName()).isEqualTo("data");
        assertThat(snap.sizeInGb()).isEqualTo(16);
        assertThatThrownBy(() -> lightsail.createDiskFromSnapshot(r -> r.diskName("copy").diskSnapshotName("data-snap")
                .availabilityZone("us-east-1a").sizeInGb(16))).isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofSeconds(3));
        assertThat(lightsail.getDiskSnapshot(r -> r.diskSnapshotName("data-snap")).diskSnapshot().stateAsString()).isEqualTo("completed");
        assertThatThrownBy(() -> lightsail.createDiskFromSnapshot(r -> r.diskName("copy").diskSnapshotName("data-snap")
                .availabilityZone("us-east-1a").sizeInGb(8))).isInstanceOf(InvalidInputException.class);
        lightsail.createDiskFromSnapshot(r -> r.diskName("copy").diskSnapshotName("data-snap").availabilityZone("us-east-1b").sizeInGb(32));
        assertThat(lightsail.getDisk(r -> r.diskName("copy")).disk().sizeInGb()).isEqualTo(32);

        lightsail.createDiskSnapshot(r -> r.instanceName("web").diskSnapshotName("system"));
        assertThat(lightsail.getDiskSnapshot(r -> r.diskSnapshotName("system")).diskSnapshot().fromInstanceName()).isEqualTo("web");
        assertThat(lightsail.getDiskSnapshots().diskSnapshots()).extracting(DiskSnapshot::name).containsExactly("data-snap", "system");
        lightsail.deleteDiskSnapshot(r -> r.diskSnapshotName("system"));
        assertThatThrownBy(() -> lightsail.getDiskSnapshot(r -> r.diskSnapshotName("system"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createDiskSnapshot(r -> r.diskSnapshotName("nothing"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anInstanceSnapshotMakesInstancesWithTheSourcesFirewall() {
        lightsail.openInstancePublicPorts(r -> r.instanceName("web").portInfo(p -> p.fromPort(443).toPort(443).protocol("tcp")));
        assertThat(lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap")).operations())
                .extracting(Operation::resourceName).containsExactly("web-snap", "web");
        InstanceSnapshot snap = lightsail.getInstanceSnapshot(r -> r.instanceSnapshotName("web-snap")).instanceSnapshot();
        assertThat(snap.stateAsString()).isEqualTo("pending");
        assertThat(snap.fromInstanceName()).isEqualTo("web");
        assertThat(snap.fromInstanceArn()).isEqualTo(LightsailTestKit.instance(lightsail, "web").arn());
        assertThat(snap.fromBlueprintId()).isEqualTo("ubuntu_22_04");
        assertThat(snap.fromBundleId()).isEqualTo("nano_3_0");
        assertThat(snap.sizeInGb()).isEqualTo(20);
        assertThat(snap.arn()).contains(":InstanceSnapshot/");
        assertThat(snap.supportCode()).matches("000000000000/ami-0[0-9a-f]{16}");
        assertThatThrownBy(() -> lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap")))
                .isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofSeconds(3));
        assertThat(lightsail.getInstanceSnapshots().instanceSnapshots()).singleElement()
                .satisfies(s -> assertThat(s.stateAsString()).isEqualTo("available"));

        lightsail.createInstancesFromSnapshot(r -> r.instanceNames("restored").instanceSnapshotName("web-snap")
                .availabilityZone("us-east-1c").bundleId("micro_3_0"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        Instance restored = LightsailTestKit.instance(lightsail, "restored");
        assertThat(restored.state().name()).isEqualTo("running");
        assertThat(restored.blueprintId()).isEqualTo("ubuntu_22_04");
        assertThat(restored.bundleId()).isEqualTo("micro_3_0");
        assertThat(restored.networking().ports()).extracting(InstancePortInfo::fromPort).containsExactly(22, 80, 443);
        assertThat(lightsail.getOperationsForResource(r -> r.resourceName("restored")).operations())
                .extracting(Operation::operationTypeAsString).containsExactly("CreateInstancesFromSnapshot");

        lightsail.deleteInstanceSnapshot(r -> r.instanceSnapshotName("web-snap"));
        assertThat(lightsail.getInstanceSnapshots().instanceSnapshots()).isEmpty();
        assertThatThrownBy(() -> lightsail.createInstancesFromSnapshot(r -> r.instanceNames("x").instanceSnapshotName("web-snap")
                .availabilityZone("us-east-1a").bundleId("nano_3_0"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void snapshotsCopyToAnotherRegion() {
        lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap"));
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(16));
        lightsail.createDiskSnapshot(r -> r.diskName("data").diskSnapshotName("data-snap"));
        cloudjar.advanceClock(Duration.ofSeconds(3));
        try (LightsailClient london = cloudjar.client(LightsailClient.builder(),
                software.amazon.awssdk.regions.Region.EU_WEST_2, "test", "test")) {
            Operation op = london.copySnapshot(r -> r.sourceSnapshotName("web-snap").sourceRegion("us-east-1")
                    .targetSnapshotName("web-snap-london")).operations().get(0);
            assertThat(op.operationTypeAsString()).isEqualTo("CopySnapshot");
            assertThat(op.location().regionNameAsString()).isEqualTo("eu-west-2");
            london.copySnapshot(r -> r.sourceSnapshotName("data-snap").sourceRegion("us-east-1").targetSnapshotName("data-london"));
            cloudjar.advanceClock(Duration.ofSeconds(3));
            InstanceSnapshot copy = london.getInstanceSnapshot(r -> r.instanceSnapshotName("web-snap-london")).instanceSnapshot();
            assertThat(copy.arn()).startsWith("arn:aws:lightsail:eu-west-2:000000000000:InstanceSnapshot/");
            assertThat(copy.fromBlueprintId()).isEqualTo("ubuntu_22_04");
            assertThat(copy.stateAsString()).isEqualTo("available");
            assertThat(london.getDiskSnapshot(r -> r.diskSnapshotName("data-london")).diskSnapshot().sizeInGb()).isEqualTo(16);
            london.createInstancesFromSnapshot(r -> r.instanceNames("web-london").instanceSnapshotName("web-snap-london")
                    .availabilityZone("eu-west-2a").bundleId("nano_3_0"));
            assertThatThrownBy(() -> london.copySnapshot(r -> r.sourceSnapshotName("web-snap").sourceRegion("us-east-1")
                    .targetSnapshotName("web-snap-london"))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> london.copySnapshot(r -> r.sourceSnapshotName("ghost").sourceRegion("us-east-1")
                    .targetSnapshotName("x-copy"))).isInstanceOf(NotFoundException.class);
        }
        assertThat(lightsail.getInstanceSnapshots().instanceSnapshots()).extracting(InstanceSnapshot::name).containsExactly("web-snap");
    }

    @Test
    void aSnapshotNeedsABundleAtLeastAsLarge() {
        LightsailTestKit.createInstance(lightsail, "big", "ubuntu_22_04", "small_3_0");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.createInstanceSnapshot(r -> r.instanceName("big").instanceSnapshotName("big-snap"));
        cloudjar.advanceClock(Duration.ofSeconds(3));
        assertThatThrownBy(() -> lightsail.createInstancesFromSnapshot(r -> r.instanceNames("small").instanceSnapshotName("big-snap")
                .availabilityZone("us-east-1a").bundleId("nano_3_0"))).isInstanceOf(InvalidInputException.class);
    }
}
