package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Blueprint;
import software.amazon.awssdk.services.lightsail.model.BlueprintType;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.InstancePlatform;
import software.amazon.awssdk.services.lightsail.model.InstancePortInfo;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;

class InstancesTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    private static Operation create(String name, String blueprint, String bundle) {
        return LightsailTestKit.createInstance(lightsail, name, blueprint, bundle);
    }

    private static Instance get(String name) {
        return LightsailTestKit.instance(lightsail, name);
    }

    @Test
    void namesAreOneNamespaceAcrossResourceTypes() {
        lightsail.createKeyPair(r -> r.keyPairName("web"));
        lightsail.allocateStaticIp(r -> r.staticIpName("web-ip"));
        assertThatThrownBy(() -> create("web", "ubuntu_22_04", "nano_3_0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Some names are already in use: web");
        create("web-1", "ubuntu_22_04", "nano_3_0");
        assertThatThrownBy(() -> lightsail.allocateStaticIp(r -> r.staticIpName("web-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Some names are already in use: web-1");
        assertThatThrownBy(() -> lightsail.createDisk(r -> r.diskName("web-ip").availabilityZone("us-east-1a").sizeInGb(8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Some names are already in use: web-ip");
    }

    @Test
    void blueprintsAsAwsListsThem() {
        List<Blueprint> blueprints = lightsail.getBlueprints().blueprints();
        assertThat(blueprints).extracting(Blueprint::blueprintId).contains("ubuntu_22_04", "ubuntu_24_04",
                "amazon_linux_2023", "debian_12", "wordpress", "lamp_8_bitnami", "nodejs", "django", "windows_server_2022");
        Blueprint ubuntu = blueprints.stream().filter(b -> b.blueprintId().equals("ubuntu_22_04")).findFirst().orElseThrow();
        assertThat(ubuntu.name()).isEqualTo("Ubuntu");
        assertThat(ubuntu.group()).isEqualTo("ubuntu_22");
        assertThat(ubuntu.type()).isEqualTo(BlueprintType.OS);
        assertThat(ubuntu.platform()).isEqualTo(InstancePlatform.LINUX_UNIX);
        assertThat(ubuntu.isActive()).isTrue();
        assertThat(ubuntu.version()).isEqualTo("22.04 LTS");
        Blueprint wordpress = blueprints.stream().filter(b -> b.blueprintId().equals("wordpress")).findFirst().orElseThrow();
        assertThat(wordpress.type()).isEqualTo(BlueprintType.APP);
        assertThatThrownBy(() -> lightsail.getBlueprints(r -> r.pageToken("x"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anInstanceIsPendingThenRunningWithItsBundlesHardwareAndDefaultPorts() {
        Operation op = lightsail.createInstances(r -> r.instanceNames("web-1").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0").userData("#!/bin/bash\necho hi")
                .tags(t -> t.key("env").value("lab"))).operations().get(0);
        assertThat(op.operationTypeAsString()).isEqualTo("CreateInstance");
        assertThat(op.status()).isEqualTo(OperationStatus.STARTED);
        assertThat(op.isTerminal()).isFalse();
        assertThat(op.location().availabilityZone()).isEqualTo("us-east-1a");

        Instance pending = get("web-1");
        assertThat(pending.state().name()).isEqualTo("pending");
        assertThat(pending.state().code()).isZero();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        Instance web = get("web-1");
        assertThat(web.state().name()).isEqualTo("running");
        assertThat(web.state().code()).isEqualTo(16);
        assertThat(lightsail.getInstanceState(r -> r.instanceName("web-1")).state().name()).isEqualTo("running");
        assertThat(lightsail.getOperation(r -> r.operationId(op.id())).operation().status()).isEqualTo(OperationStatus.SUCCEEDED);

        assertThat(web.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Instance/[0-9a-f-]{36}");
        assertThat(web.supportCode()).matches("000000000000/i-0[0-9a-f]{16}");
        assertThat(web.blueprintId()).isEqualTo("ubuntu_22_04");
        assertThat(web.blueprintName()).isEqualTo("Ubuntu");
        assertThat(web.bundleId()).isEqualTo("nano_3_0");
        assertThat(web.username()).isEqualTo("ubuntu");
        assertThat(web.sshKeyName()).isEqualTo("LightsailDefaultKeyPair");
        assertThat(web.ipAddressTypeAsString()).isEqualTo("dualstack");
        assertThat(web.privateIpAddress()).startsWith("172.26.");
        assertThat(web.publicIpAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(web.ipv6Addresses()).singleElement().asString().contains(":");
        assertThat(web.isStaticIp()).isFalse();
        assertThat(web.hardware().cpuCount()).isEqualTo(2);
        assertThat(web.hardware().ramSizeInGb()).isEqualTo(0.5f);
        assertThat(web.hardware().disks()).singleElement().satisfies(d -> {
            assertThat(d.isSystemDisk()).isTrue();
            assertThat(d.sizeInGb()).isEqualTo(20);
            assertThat(d.path()).isEqualTo("/dev/xvda");
        });
        assertThat(web.networking().monthlyTransfer().gbPerMonthAllocated()).isEqualTo(1024);
        assertThat(web.networking().ports()).extracting(InstancePortInfo::fromPort).containsExactly(22, 80);
        assertThat(web.networking().ports().get(0).cidrs()).containsExactly("0.0.0.0/0");
        assertThat(web.networking().ports().get(0).ipv6Cidrs()).containsExactly("::/0");
        assertThat(web.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("env"));
        assertThat(lightsail.getInstances().instances()).extracting(Instance::name).containsExactly("web-1");
        // made on first use, with the instance
        assertThat(lightsail.getKeyPairs(r -> r.includeDefaultKeyPair(true)).keyPairs()).hasSize(1);
    }

    @Test
    void stopGivesUpThePublicIpAndStartTakesANewOne() {
        create("web", "ubuntu_24_04", "micro_3_0");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        String first = get("web").publicIpAddress();

        Operation stop = lightsail.stopInstance(r -> r.instanceName("web")).operations().get(0);
        assertThat(stop.operationTypeAsString()).isEqualTo("StopInstance");
        assertThat(get("web").state().name()).isEqualTo("stopping");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        Instance stopped = get("web");
        assertThat(stopped.state().name()).isEqualTo("stopped");
        assertThat(stopped.state().code()).isEqualTo(80);
        assertThat(stopped.publicIpAddress()).isNull();
        assertThat(stopped.privateIpAddress()).isNotNull();
        assertThatThrownBy(() -> lightsail.stopInstance(r -> r.instanceName("web"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.rebootInstance(r -> r.instanceName("web"))).isInstanceOf(InvalidInputException.class);

        lightsail.startInstance(r -> r.instanceName("web"));
        assertThat(get("web").state().name()).isEqualTo("pending");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        Instance started = get("web");
        assertThat(started.state().name()).isEqualTo("running");
        assertThat(started.publicIpAddress()).isNotNull().isNotEqualTo(first);
        assertThatThrownBy(() -> lightsail.startInstance(r -> r.instanceName("web"))).isInstanceOf(InvalidInputException.class);

        assertThat(lightsail.rebootInstance(r -> r.instanceName("web")).operations().get(0).operationTypeAsString())
                .isEqualTo("RebootInstance");
        assertThat(lightsail.getOperationsForResource(r -> r.resourceName("web")).operations())
                .extracting(Operation::operationTypeAsString)
                .containsExactly("CreateInstance", "StopInstance", "StartInstance", "RebootInstance");
    }

    @Test
    void badChoicesAreInvalidInput() {
        create("taken", "ubuntu_22_04", "nano_3_0");
        assertThatThrownBy(() -> create("taken", "ubuntu_22_04", "nano_3_0"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Some names are already in use: taken"));
        assertThatThrownBy(() -> create("a", "ubuntu_99_04", "nano_3_0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("a", "ubuntu_22_04", "giant_9_0")).isInstanceOf(InvalidInputException.class);
        // the seeds' $3.50 plan of 512 MB and 1 vCPU is retired: listed with includeInactive, not for new instances
        assertThatThrownBy(() -> create("a", "ubuntu_22_04", "nano_2_0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("a", "windows_server_2022", "nano_3_0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createInstances(r -> r.instanceNames("a").availabilityZone("eu-west-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createInstances(r -> r.instanceNames("a").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0").keyPairName("missing"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createInstances(r -> r.instanceNames("a", "a").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> get("ghost")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Instance does not exist: ghost"));
        assertThatThrownBy(() -> lightsail.deleteInstance(r -> r.instanceName("ghost"))).isInstanceOf(NotFoundException.class);
        assertThat(lightsail.getInstances().instances()).extracting(Instance::name).containsExactly("taken");
    }

    @Test
    void theThreeFiftyPlanIsIpv6Only() {
        lightsail.createInstances(r -> r.instanceNames("cheap").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_ipv6_3_0"));
        Instance cheap = get("cheap");
        assertThat(cheap.ipAddressTypeAsString()).isEqualTo("ipv6");
        assertThat(cheap.publicIpAddress()).isNull();
        assertThat(cheap.ipv6Addresses()).hasSize(1);
        assertThat(cheap.networking().ports().get(0).cidrs()).isEmpty();
        assertThatThrownBy(() -> lightsail.createInstances(r -> r.instanceNames("x").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_ipv6_3_0").ipAddressType("dualstack")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void createsSeveralWithAKeyPairAndAddOnsAndDeletes() {
        lightsail.createKeyPair(r -> r.keyPairName("mine"));
        List<Operation> ops = lightsail.createInstances(r -> r.instanceNames("n1", "n2").availabilityZone("us-east-1b")
                .blueprintId("wordpress").bundleId("small_3_0").keyPairName("mine")
                .addOns(a -> a.addOnType("AutoSnapshot").autoSnapshotAddOnRequest(s -> s.snapshotTimeOfDay("06:00")))).operations();
        assertThat(ops).extracting(Operation::resourceName).containsExactly("n1", "n2");
        Instance n1 = get("n1");
        assertThat(n1.sshKeyName()).isEqualTo("mine");
        assertThat(n1.username()).isEqualTo("bitnami");
        assertThat(n1.addOns()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("AutoSnapshot");
            assertThat(a.status()).isEqualTo("Enabled");
            assertThat(a.snapshotTimeOfDay()).isEqualTo("06:00");
        });
        assertThat(n1.networking().ports()).extracting(InstancePortInfo::fromPort).containsExactly(22, 80, 443);
        assertThatThrownBy(() -> lightsail.createInstances(r -> r.instanceNames("n3").availabilityZone("us-east-1b")
                .blueprintId("wordpress").bundleId("small_3_0")
                .addOns(a -> a.addOnType("AutoSnapshot").autoSnapshotAddOnRequest(s -> s.snapshotTimeOfDay("06:30")))))
                .isInstanceOf(InvalidInputException.class);

        assertThat(lightsail.deleteInstance(r -> r.instanceName("n1")).operations())
                .extracting(Operation::operationTypeAsString).containsExactly("DeleteInstance");
        assertThat(lightsail.getInstances().instances()).extracting(Instance::name).containsExactly("n2");
    }
}
