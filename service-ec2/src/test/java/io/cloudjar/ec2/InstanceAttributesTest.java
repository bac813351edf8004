package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/** Instance attributes, status checks, metadata options, monitoring, credits, profiles and images made from instances. */
class InstanceAttributesTest extends Ec2SdkTest {
    @Test
    void theTypeAndUserDataChangeOnlyWhileStopped() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String id = web.instanceId();
        assertEc2Error(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.small"))),
                "IncorrectInstanceState", 400, "The instance '" + id + "' is not in the 'stopped' state.");

        ec2.stopInstances(r -> r.instanceIds(id));
        cloudjar.advanceClock(Duration.ofSeconds(2));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.small")));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).userData(v -> v.value(SdkBytes.fromUtf8String("#!/bin/sh\necho hi"))));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).attribute("disableApiTermination").value("true"));

        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceType")).instanceType().value()).isEqualTo("t3.small");
        String userData = ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData")).userData().value();
        assertThat(new String(java.util.Base64.getDecoder().decode(userData), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\necho hi");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("disableApiTermination")).disableApiTermination().value()).isTrue();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceInitiatedShutdownBehavior"))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("rootDeviceName")).rootDeviceName().value()).isEqualTo("/dev/sda1");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("groupSet")).groups())
                .singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(TestLaunches.describe(ec2, id).instanceTypeAsString()).isEqualTo("t3.small");

        assertEc2Error(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t4g.small"))),
                "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("colour")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).kernel(v -> v.value("aki-12345678"))),
                "UnsupportedOperation", 400);
        assertEc2Error(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiStop(v -> v.value(true))
                .ebsOptimized(v -> v.value(true))), "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.terminateInstances(r -> r.instanceIds(id)), "OperationNotPermitted", 400);
    }

    @Test
    void groupsSourceDestCheckAndDeleteOnTerminationChangeOnTheInstance() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String vpc = web.vpcId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();

        ec2.modifyInstanceAttribute(r -> r.instanceId(web.instanceId()).groups(sg));
        ec2.modifyInstanceAttribute(r -> r.instanceId(web.instanceId()).sourceDestCheck(v -> v.value(false)));
        ec2.modifyInstanceAttribute(r -> r.instanceId(web.instanceId()).blockDeviceMappings(
                b -> b.deviceName("/dev/sda1").ebs(e -> e.deleteOnTermination(false))));

        Instance changed = TestLaunches.describe(ec2, web.instanceId());
        assertThat(changed.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(sg));
        assertThat(changed.sourceDestCheck()).isFalse();
        assertThat(changed.blockDeviceMappings().get(0).ebs().deleteOnTermination()).isFalse();
        ec2.terminateInstances(r -> r.instanceIds(web.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(ec2.describeVolumes().volumes()).singleElement().satisfies(v -> assertThat(v.stateAsString()).isEqualTo("available"));
    }

    @Test
    void statusChecksInitializeThenPass() {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)).instances().get(0).instanceId();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses()).isEmpty();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(id).includeAllInstances(true)).instanceStatuses())
                .singleElement().satisfies(s -> assertThat(s.instanceStatus().statusAsString()).isEqualTo("not-applicable"));
        cloudjar.advanceClock(Duration.ofMillis(1500));
        InstanceStatus starting = ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertThat(starting.instanceState().nameAsString()).isEqualTo("running");
        assertThat(starting.instanceStatus().statusAsString()).isEqualTo("initializing");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        InstanceStatus ok = ec2.describeInstanceStatus(r -> r.filters(f -> f.name("instance-status.status").values("ok"))).instanceStatuses().get(0);
        assertThat(ok.systemStatus().details()).singleElement().satisfies(d -> assertThat(d.statusAsString()).isEqualTo("passed"));
        assertThat(ok.availabilityZone()).isEqualTo("us-east-1a");
    }

    @Test
    void metadataOptionsMonitoringAndCreditsAreKept() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1b");
        String id = web.instanceId();
        assertThat(web.metadataOptions().httpTokensAsString()).isEqualTo("optional");
        assertThat(web.monitoring().stateAsString()).isEqualTo("disabled");

        var modified = ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens("required").httpPutResponseHopLimit(2));
        assertThat(modified.instanceMetadataOptions().stateAsString()).isEqualTo("pending");
        assertThat(ec2.monitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0).monitoring().stateAsString()).isEqualTo("pending");
        var credit = ec2.modifyInstanceCreditSpecification(r -> r.instanceCreditSpecifications(c -> c.instanceId(id).cpuCredits("unlimited")));
        assertThat(credit.successfulInstanceCreditSpecifications()).hasSize(1);

        Instance after = TestLaunches.describe(ec2, id);
        assertThat(after.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(after.metadataOptions().httpPutResponseHopLimit()).isEqualTo(2);
        assertThat(after.metadataOptions().stateAsString()).isEqualTo("applied");
        assertThat(after.monitoring().stateAsString()).isEqualTo("enabled");
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id)).instanceCreditSpecifications().get(0).cpuCredits())
                .isEqualTo("unlimited");
        assertEc2Error(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpPutResponseHopLimit(65)), "InvalidParameterValue", 400);
        var missing = ec2.modifyInstanceCreditSpecification(r -> r.instanceCreditSpecifications(c -> c.instanceId("i-0123456789abcdef0").cpuCredits("standard")));
        assertThat(missing.unsuccessfulInstanceCreditSpecifications()).singleElement()
                .satisfies(u -> assertThat(u.error().codeAsString()).isEqualTo("InvalidInstanceID.NotFound"));
    }

    @Test
    void instanceProfilesAssociateReplaceAndDisassociate() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String arn = "arn:aws:iam::000000000000:instance-profile/web";
        var associated = ec2.associateIamInstanceProfile(r -> r.instanceId(web.instanceId()).iamInstanceProfile(p -> p.arn(arn)))
                .iamInstanceProfileAssociation();
        assertThat(associated.associationId()).matches("iip-assoc-0[0-9a-f]{16}");
        assertThat(associated.stateAsString()).isEqualTo("associating");
        assertThat(TestLaunches.describe(ec2, web.instanceId()).iamInstanceProfile().arn()).isEqualTo(arn);
        assertEc2Error(() -> ec2.associateIamInstanceProfile(r -> r.instanceId(web.instanceId()).iamInstanceProfile(p -> p.arn(arn))),
                "IncorrectState", 400, "There is an existing association for instance " + web.instanceId());

        var described = ec2.describeIamInstanceProfileAssociations(r -> r.filters(f -> f.name("instance-id").values(web.instanceId())));
        assertThat(described.iamInstanceProfileAssociations()).singleElement()
                .satisfies(a -> assertThat(a.stateAsString()).isEqualTo("associated"));
        String replaced = ec2.replaceIamInstanceProfileAssociation(r -> r.associationId(associated.associationId())
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::000000000000:instance-profile/db"))).iamInstanceProfileAssociation().associationId();
        assertThat(TestLaunches.describe(ec2, web.instanceId()).iamInstanceProfile().arn()).endsWith("/db");
        ec2.disassociateIamInstanceProfile(r -> r.associationId(replaced));
        assertThat(TestLaunches.describe(ec2, web.instanceId()).iamInstanceProfile()).isNull();
        assertEc2Error(() -> ec2.disassociateIamInstanceProfile(r -> r.associationId(replaced)), "InvalidAssociationID.NotFound", 400);
    }

    @Test
    void createImageSnapshotsTheDisksAndLaunchesWithThem() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String imageId = ec2.createImage(r -> r.instanceId(web.instanceId()).name("web-golden").description("after setup")).imageId();

        var image = ec2.describeImages(r -> r.imageIds(imageId)).images().get(0);
        assertThat(image.stateAsString()).isEqualTo("pending");
        assertThat(image.ownerId()).isEqualTo("000000000000");
        String snapshot = image.blockDeviceMappings().get(0).ebs().snapshotId();
        assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshot)).snapshots().get(0).description())
                .isEqualTo("Created by CreateImage(" + web.instanceId() + ") for " + imageId);
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(imageId).instanceType("t2.micro").minCount(1).maxCount(1)),
                "InvalidAMIID.Unavailable", 400);
        assertEc2Error(() -> ec2.createImage(r -> r.instanceId(web.instanceId()).name("web-golden")), "InvalidAMIName.Duplicate", 400);

        cloudjar.advanceClock(Duration.ofSeconds(10));
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).singleElement()
                .satisfies(i -> assertThat(i.stateAsString()).isEqualTo("available"));
        Instance copy = ec2.runInstances(r -> r.imageId(imageId).instanceType("t2.micro").minCount(1).maxCount(1)).instances().get(0);
        String rootVolume = copy.blockDeviceMappings().get(0).ebs().volumeId();
        assertThat(ec2.describeVolumes(r -> r.volumeIds(rootVolume)).volumes().get(0).snapshotId()).isEqualTo(snapshot);
        assertEc2Error(() -> ec2.deleteSnapshot(r -> r.snapshotId(snapshot)), "InvalidSnapshot.InUse", 400);
    }

    @Test
    void computeResourcesTakeTagsThroughCreateTags() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String volume = web.blockDeviceMappings().get(0).ebs().volumeId();
        String key = ec2.createKeyPair(r -> r.keyName("lab")).keyPairId();
        ec2.createTags(r -> r.resources(web.instanceId(), volume, key).tags(t -> t.key("Project").value("seed")));

        assertThat(TestLaunches.describe(ec2, web.instanceId()).tags()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("seed"));
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("key").values("Project"))).tags())
                .extracting(t -> t.resourceTypeAsString()).containsExactlyInAnyOrder("instance", "volume", "key-pair");
        ec2.deleteTags(r -> r.resources(web.instanceId()).tags(t -> t.key("Project")));
        assertThat(TestLaunches.describe(ec2, web.instanceId()).tags()).isEmpty();
        assertEc2Error(() -> ec2.createTags(r -> r.resources("i-0123456789abcdef0").tags(t -> t.key("a").value("b"))),
                "InvalidInstanceID.NotFound", 400);
    }
}
