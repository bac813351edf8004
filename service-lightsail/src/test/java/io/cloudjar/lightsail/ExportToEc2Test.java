package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.CloudFormationStackRecord;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecord;
import software.amazon.awssdk.services.lightsail.model.InstanceEntry;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.PortInfoSourceType;
import software.amazon.awssdk.services.lightsail.model.RecordState;

/** ExportSnapshot to EC2, seen through EC2's own API, and CreateCloudFormationStack launching from the export. */
class ExportToEc2Test {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();
    static Ec2Client ec2;

    @BeforeAll
    static void ec2Client() {
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    @Test
    void anInstanceSnapshotBecomesAnAmiThatCloudFormationLaunches() {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap"));
        assertThatThrownBy(() -> lightsail.exportSnapshot(r -> r.sourceSnapshotName("web-snap")))
                .as("a pending snapshot").isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofMinutes(10));

        Operation op = lightsail.exportSnapshot(r -> r.sourceSnapshotName("web-snap")).operations().get(0);

        assertThat(op.operationTypeAsString()).isEqualTo("ExportSnapshot");
        assertThat(op.resourceName()).isEqualTo("web-snap");
        ExportSnapshotRecord record = lightsail.getExportSnapshotRecords(r -> { }).exportSnapshotRecords().get(0);
        assertThat(record.name()).isEqualTo(op.operationDetails()).startsWith("ExportSnapshotRecord-");
        assertThat(record.arn()).contains(":ExportSnapshotRecord/");
        assertThat(record.resourceTypeAsString()).isEqualTo("ExportSnapshotRecord");
        assertThat(record.state()).isEqualTo(RecordState.STARTED);
        assertThat(record.sourceInfo().resourceTypeAsString()).isEqualTo("InstanceSnapshot");
        assertThat(record.sourceInfo().name()).isEqualTo("web-snap");
        assertThat(record.sourceInfo().fromResourceName()).isEqualTo("web");
        assertThat(record.sourceInfo().instanceSnapshotInfo().fromBlueprintId()).isEqualTo("ubuntu_22_04");
        assertThat(record.sourceInfo().instanceSnapshotInfo().fromBundleId()).isEqualTo("nano_3_0");
        assertThat(record.sourceInfo().instanceSnapshotInfo().fromDiskInfo()).singleElement()
                .satisfies(d -> assertThat(d.isSystemDisk()).isTrue());
        assertThat(record.destinationInfo().service()).isEqualTo("Aws::EC2::Image");
        String amiId = record.destinationInfo().id();
        Image image = ec2.describeImages(r -> r.imageIds(amiId)).images().get(0);
        assertThat(image.stateAsString()).isEqualTo("pending");
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).extracting(Image::imageId).contains(amiId);
        assertThatThrownBy(() -> stack(record.name(), "t3.micro", PortInfoSourceType.DEFAULT))
                .as("the export has not finished").isInstanceOf(InvalidInputException.class);

        cloudjar.advanceClock(Duration.ofMinutes(10));

        assertThat(lightsail.getExportSnapshotRecords(r -> { }).exportSnapshotRecords().get(0).state())
                .isEqualTo(RecordState.SUCCEEDED);
        image = ec2.describeImages(r -> r.imageIds(amiId)).images().get(0);
        assertThat(image.stateAsString()).isEqualTo("available");
        String rootSnapshot = image.blockDeviceMappings().get(0).ebs().snapshotId();
        Snapshot snapshot = ec2.describeSnapshots(r -> r.snapshotIds(rootSnapshot)).snapshots().get(0);
        assertThat(snapshot.stateAsString()).isEqualTo("completed");
        assertThat(snapshot.volumeSize()).isEqualTo(record.sourceInfo().instanceSnapshotInfo().fromDiskInfo().get(0).sizeInGb());

        Operation stackOp = stack(record.name(), "t3.micro", PortInfoSourceType.DEFAULT);

        CloudFormationStackRecord stack = lightsail.getCloudFormationStackRecords(r -> { }).cloudFormationStackRecords().get(0);
        assertThat(stack.name()).isEqualTo(stackOp.resourceName()).startsWith("CloudFormationStackRecord-");
        assertThat(stack.resourceTypeAsString()).isEqualTo("CloudFormationStackRecord");
        assertThat(stack.sourceInfo()).singleElement().satisfies(s -> {
            assertThat(s.resourceTypeAsString()).isEqualTo("ExportSnapshotRecord");
            assertThat(s.name()).isEqualTo(record.name());
            assertThat(s.arn()).isEqualTo(record.arn());
        });
        assertThat(stack.destinationInfo().service()).isEqualTo("Aws::CloudFormation::Stack");
        assertThat(stack.destinationInfo().id()).startsWith("arn:aws:cloudformation:us-east-1:").contains(":stack/Lightsail-Stack-");
        List<Instance> launched = ec2.describeInstances(r -> r.filters(f -> f.name("image-id").values(amiId)))
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
        assertThat(launched).singleElement().satisfies(i -> {
            assertThat(i.instanceTypeAsString()).isEqualTo("t3.micro");
            assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1b");
            List<IpPermission> ingress = ec2.describeSecurityGroups(r -> r.groupIds(i.securityGroups().get(0).groupId()))
                    .securityGroups().get(0).ipPermissions();
            assertThat(ingress).extracting(IpPermission::fromPort).containsExactlyInAnyOrder(22, 80);
        });
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(lightsail.getCloudFormationStackRecords(r -> { }).cloudFormationStackRecords().get(0).state())
                .isEqualTo(RecordState.SUCCEEDED);
    }

    @Test
    void aDiskSnapshotBecomesAnEbsSnapshotAndLaunchesNothing() {
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(16));
        cloudjar.advanceClock(Duration.ofMinutes(2));
        lightsail.createDiskSnapshot(r -> r.diskName("data").diskSnapshotName("data-snap"));
        cloudjar.advanceClock(Duration.ofMinutes(10));

        lightsail.exportSnapshot(r -> r.sourceSnapshotName("data-snap"));
        cloudjar.advanceClock(Duration.ofMinutes(10));

        ExportSnapshotRecord record = lightsail.getExportSnapshotRecords(r -> { }).exportSnapshotRecords().get(0);
        assertThat(record.sourceInfo().resourceTypeAsString()).isEqualTo("DiskSnapshot");
        assertThat(record.sourceInfo().fromResourceName()).isEqualTo("data");
        assertThat(record.sourceInfo().diskSnapshotInfo().sizeInGb()).isEqualTo(16);
        assertThat(record.destinationInfo().service()).isEqualTo("Aws::EC2::Snapshot");
        Snapshot snapshot = ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots().stream()
                .filter(s -> s.snapshotId().equals(record.destinationInfo().id())).findFirst().orElseThrow();
        assertThat(snapshot.volumeSize()).isEqualTo(16);
        assertThat(snapshot.stateAsString()).isEqualTo("completed");
        assertThatThrownBy(() -> stack(record.name(), "t3.micro", PortInfoSourceType.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("disk snapshot");
    }

    @Test
    void badSourcesAndEntriesAreRefused() {
        assertThatThrownBy(() -> lightsail.exportSnapshot(r -> r.sourceSnapshotName("nothing")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stack("ExportSnapshotRecord-none", "t3.micro", PortInfoSourceType.NONE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createCloudFormationStack(r -> r.instances(List.of())))
                .isInstanceOf(InvalidInputException.class);

        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.exportSnapshot(r -> r.sourceSnapshotName("web-snap"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        String name = lightsail.getExportSnapshotRecords(r -> { }).exportSnapshotRecords().get(0).name();
        assertThatThrownBy(() -> stack(name, "t9.nothing", PortInfoSourceType.CLOSED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("t9.nothing");
        assertThat(lightsail.getCloudFormationStackRecords(r -> { }).cloudFormationStackRecords()).isEmpty();
    }

    private static Operation stack(String exportRecord, String instanceType, PortInfoSourceType ports) {
        return lightsail.createCloudFormationStack(r -> r.instances(InstanceEntry.builder().sourceName(exportRecord)
                .instanceType(instanceType).portInfoSource(ports).availabilityZone("us-east-1b").build()))
                .operations().get(0);
    }
}
