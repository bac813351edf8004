package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.HttpTokens;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.InstanceMetadataState;
import software.amazon.awssdk.services.lightsail.model.InstancePortInfo;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.OperationFailureException;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.SetupHistory;
import software.amazon.awssdk.services.lightsail.model.SetupStatus;

/** SetIpAddressType, UpdateInstanceMetadataOptions, GetActiveNames, SetupInstanceHttps and GetSetupHistory. */
class InstanceSettingsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void ipAddressTypeChangesAddressesFirewallAndBundle() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                .bundleId("nano_3_0"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        assertThat(get("web").ipAddressTypeAsString()).isEqualTo("dualstack");

        var op = lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("ipv4"))
                .operations().get(0);
        assertThat(op.operationType()).isEqualTo(OperationType.SET_IP_ADDRESS_TYPE);
        Instance ipv4 = get("web");
        assertThat(ipv4.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(ipv4.ipv6Addresses()).isEmpty();
        assertThat(ipv4.publicIpAddress()).isNotNull();
        assertThat(ipv4.networking().ports()).allSatisfy(p -> assertThat(p.ipv6Cidrs()).isEmpty());

        lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("dualstack"));
        Instance dual = get("web");
        assertThat(dual.ipv6Addresses()).hasSize(1);
        assertThat(dual.networking().ports()).extracting(InstancePortInfo::fromPort).contains(22, 80);
        assertThat(dual.networking().ports()).allSatisfy(p -> assertThat(p.ipv6Cidrs()).containsExactly("::/0"));

        // IPv6-only changes the bundle: the caller must accept it
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("ipv6")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("acceptBundleUpdate");
        lightsail.allocateStaticIp(r -> r.staticIpName("web-ip"));
        lightsail.attachStaticIp(r -> r.staticIpName("web-ip").instanceName("web"));
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("ipv6")
                .acceptBundleUpdate(true))).isInstanceOf(OperationFailureException.class).hasMessageContaining("web-ip");
        lightsail.detachStaticIp(r -> r.staticIpName("web-ip"));
        lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("ipv6").acceptBundleUpdate(true));
        Instance ipv6 = get("web");
        assertThat(ipv6.bundleId()).isEqualTo("nano_ipv6_3_0");
        assertThat(ipv6.publicIpAddress()).isNull();
        assertThat(ipv6.networking().ports()).allSatisfy(p -> assertThat(p.cidrs()).isEmpty());
        lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("web").ipAddressType("dualstack").acceptBundleUpdate(true));
        assertThat(get("web").bundleId()).isEqualTo("nano_3_0");
        assertThat(get("web").publicIpAddress()).isNotNull();

        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        lightsail.setIpAddressType(r -> r.resourceType("LoadBalancer").resourceName("lb").ipAddressType("ipv4"));
        assertThat(lightsail.getLoadBalancer(r -> r.loadBalancerName("lb")).loadBalancer().ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("LoadBalancer").resourceName("lb").ipAddressType("ipv6")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Distribution").resourceName("cdn").ipAddressType("ipv4")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Disk").resourceName("web").ipAddressType("ipv4")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Instance").resourceName("ghost").ipAddressType("ipv4")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void metadataOptionsArePendingThenApplied() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                .bundleId("nano_3_0"));
        assertThat(get("web").metadataOptions().httpTokens()).isEqualTo(HttpTokens.OPTIONAL);
        var op = lightsail.updateInstanceMetadataOptions(r -> r.instanceName("web").httpTokens("required").httpPutResponseHopLimit(2))
                .operation();
        assertThat(op.operationType()).isEqualTo(OperationType.UPDATE_INSTANCE_METADATA_OPTIONS);
        assertThat(op.isTerminal()).isFalse();
        var pending = get("web").metadataOptions();
        assertThat(pending.state()).isEqualTo(InstanceMetadataState.PENDING);
        assertThat(pending.httpTokens()).isEqualTo(HttpTokens.REQUIRED);
        assertThat(pending.httpPutResponseHopLimit()).isEqualTo(2);
        assertThat(pending.httpEndpointAsString()).isEqualTo("enabled"); // not given: kept
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(get("web").metadataOptions().state()).isEqualTo(InstanceMetadataState.APPLIED);

        assertThatThrownBy(() -> lightsail.updateInstanceMetadataOptions(r -> r.instanceName("web").httpPutResponseHopLimit(65)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateInstanceMetadataOptions(r -> r.instanceName("web").httpTokens("sometimes")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateInstanceMetadataOptions(r -> r.instanceName("ghost").httpTokens("required")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void activeNamesAreEveryResourceOfTheRegion() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                .bundleId("nano_3_0"));
        lightsail.allocateStaticIp(r -> r.staticIpName("web-ip"));
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(8));
        assertThat(lightsail.getActiveNames(r -> { }).activeNames()).contains("web", "web-ip", "data");
        lightsail.deleteInstance(r -> r.instanceName("web"));
        assertThat(lightsail.getActiveNames(r -> { }).activeNames()).doesNotContain("web").contains("web-ip", "data");
    }

    @Test
    void httpsSetupNeedsTheNameToPointAtTheInstanceAndPortEightyOpen() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                .bundleId("nano_3_0"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        lightsail.allocateStaticIp(r -> r.staticIpName("web-ip"));
        lightsail.attachStaticIp(r -> r.staticIpName("web-ip").instanceName("web"));
        String address = lightsail.getStaticIp(r -> r.staticIpName("web-ip")).staticIp().ipAddress();

        // no DNS record yet: Let's Encrypt cannot find the name
        var op = lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("me@example.com")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt")).operations().get(0);
        assertThat(op.operationType()).isEqualTo(OperationType.SETUP_INSTANCE_HTTPS);
        SetupHistory running = history("web").get(0);
        assertThat(running.status()).isEqualTo(SetupStatus.IN_PROGRESS);
        assertThat(running.operationId()).isEqualTo(op.id());
        cloudjar.advanceClock(Duration.ofSeconds(10));
        SetupHistory failed = history("web").get(0);
        assertThat(failed.status()).isEqualTo(SetupStatus.FAILED);
        assertThat(failed.executionDetails().get(0).standardError()).contains("NXDOMAIN looking up A for www.example.com");
        assertThat(failed.executionDetails().get(0).command()).contains("-d www.example.com").contains("-m me@example.com");

        // an A record to the static IP, but port 80 closed: the challenge cannot connect
        lightsail.createDomain(r -> r.domainName("example.com"));
        lightsail.createDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.name("www.example.com").type("A")
                .target(address)));
        lightsail.closeInstancePublicPorts(r -> r.instanceName("web").portInfo(p -> p.fromPort(80).toPort(80).protocol("tcp")));
        lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("me@example.com")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        assertThat(history("web").get(0).executionDetails().get(0).standardError()).contains("Timeout during connect");

        lightsail.openInstancePublicPorts(r -> r.instanceName("web").portInfo(p -> p.fromPort(80).toPort(80).protocol("tcp")));
        lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("me@example.com")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        List<SetupHistory> history = history("web");
        assertThat(history).extracting(SetupHistory::status)
                .containsExactly(SetupStatus.SUCCEEDED, SetupStatus.FAILED, SetupStatus.FAILED); // newest first
        assertThat(history.get(0).executionDetails().get(0).standardOutput()).contains("Successfully received certificate");
        assertThat(history.get(0).request().domainNames()).containsExactly("www.example.com");

        assertThatThrownBy(() -> lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("me@example.com")
                .domainNames("*.example.com").certificateProvider("LetsEncrypt"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("not-an-address")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt"))).isInstanceOf(InvalidInputException.class);
        lightsail.stopInstance(r -> r.instanceName("web"));
        assertThatThrownBy(() -> lightsail.setupInstanceHttps(r -> r.instanceName("web").emailAddress("me@example.com")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getSetupHistory(r -> r.resourceName("ghost"))).isInstanceOf(NotFoundException.class);
    }

    private static List<SetupHistory> history(String instance) {
        return lightsail.getSetupHistory(r -> r.resourceName(instance)).setupHistory();
    }

    private static Instance get(String name) {
        return lightsail.getInstance(r -> r.instanceName(name)).instance();
    }
}
