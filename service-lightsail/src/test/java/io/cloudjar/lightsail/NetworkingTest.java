package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.InstanceAccessDetails;
import software.amazon.awssdk.services.lightsail.model.InstancePortState;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.PortState;
import software.amazon.awssdk.services.lightsail.model.StaticIp;

/** Firewall ports, static IPs and SSH access of a running instance. */
class NetworkingTest {
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
    void openPutAndCloseReachThePortStates() {
        assertThat(lightsail.getInstancePortStates(r -> r.instanceName("web")).portStates())
                .extracting(InstancePortState::fromPort).containsExactly(22, 80);
        Operation open = lightsail.openInstancePublicPorts(r -> r.instanceName("web")
                .portInfo(p -> p.fromPort(443).toPort(443).protocol("tcp"))).operation();
        assertThat(open.operationTypeAsString()).isEqualTo("OpenInstancePublicPorts");
        InstancePortState https = lightsail.getInstancePortStates(r -> r.instanceName("web")).portStates().get(2);
        assertThat(https.fromPort()).isEqualTo(443);
        assertThat(https.state()).isEqualTo(PortState.OPEN);
        assertThat(https.cidrs()).containsExactly("0.0.0.0/0");
        assertThat(https.ipv6Cidrs()).containsExactly("::/0");

        // opening a range again replaces its sources
        lightsail.openInstancePublicPorts(r -> r.instanceName("web")
                .portInfo(p -> p.fromPort(22).toPort(22).protocol("tcp").cidrs("203.0.113.0/24")));
        assertThat(LightsailTestKit.instance(lightsail, "web").networking().ports()).filteredOn(p -> p.fromPort() == 22).singleElement().satisfies(p -> {
            assertThat(p.cidrs()).containsExactly("203.0.113.0/24");
            assertThat(p.accessFrom()).isEqualTo("203.0.113.0/24");
        });

        lightsail.closeInstancePublicPorts(r -> r.instanceName("web").portInfo(p -> p.fromPort(80).toPort(80).protocol("tcp")));
        assertThat(lightsail.getInstancePortStates(r -> r.instanceName("web")).portStates())
                .extracting(InstancePortState::fromPort).containsExactly(22, 443);

        lightsail.putInstancePublicPorts(r -> r.instanceName("web").portInfos(
                p -> p.fromPort(8000).toPort(8100).protocol("tcp"), p -> p.fromPort(-1).toPort(-1).protocol("icmp")));
        assertThat(lightsail.getInstancePortStates(r -> r.instanceName("web")).portStates())
                .extracting(InstancePortState::fromPort, InstancePortState::toPort, InstancePortState::protocolAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8000, 8100, "tcp"), org.assertj.core.groups.Tuple.tuple(-1, -1, "icmp"));

        assertThatThrownBy(() -> lightsail.openInstancePublicPorts(r -> r.instanceName("web")
                .portInfo(p -> p.fromPort(90).toPort(80).protocol("tcp")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.openInstancePublicPorts(r -> r.instanceName("web")
                .portInfo(p -> p.fromPort(80).toPort(80).protocol("tcp").cidrs("10.0.0.300/8")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.openInstancePublicPorts(r -> r.instanceName("ghost")
                .portInfo(p -> p.fromPort(80).toPort(80).protocol("tcp")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaticIpSurvivesStopAndStart() {
        Operation allocated = lightsail.allocateStaticIp(r -> r.staticIpName("web-ip")).operations().get(0);
        assertThat(allocated.operationTypeAsString()).isEqualTo("AllocateStaticIp");
        StaticIp ip = lightsail.getStaticIp(r -> r.staticIpName("web-ip")).staticIp();
        assertThat(ip.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:StaticIp/[0-9a-f-]{36}");
        assertThat(ip.isAttached()).isFalse();
        assertThat(ip.location().availabilityZone()).isEqualTo("all");

        assertThat(lightsail.attachStaticIp(r -> r.staticIpName("web-ip").instanceName("web")).operations())
                .extracting(Operation::resourceName).containsExactly("web-ip", "web");
        assertThat(LightsailTestKit.instance(lightsail, "web").publicIpAddress()).isEqualTo(ip.ipAddress());
        assertThat(LightsailTestKit.instance(lightsail, "web").isStaticIp()).isTrue();
        assertThat(lightsail.getStaticIp(r -> r.staticIpName("web-ip")).staticIp().attachedTo()).isEqualTo("web");

        lightsail.stopInstance(r -> r.instanceName("web"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(LightsailTestKit.instance(lightsail, "web").publicIpAddress()).isEqualTo(ip.ipAddress());
        lightsail.startInstance(r -> r.instanceName("web"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(LightsailTestKit.instance(lightsail, "web").publicIpAddress()).isEqualTo(ip.ipAddress());

        assertThatThrownBy(() -> lightsail.releaseStaticIp(r -> r.staticIpName("web-ip"))).isInstanceOf(InvalidInputException.class);
        LightsailTestKit.createInstance(lightsail, "other", "ubuntu_22_04", "nano_3_0");
        assertThatThrownBy(() -> lightsail.attachStaticIp(r -> r.staticIpName("web-ip").instanceName("other")))
                .isInstanceOf(InvalidInputException.class);

        lightsail.detachStaticIp(r -> r.staticIpName("web-ip"));
        assertThat(LightsailTestKit.instance(lightsail, "web").publicIpAddress()).isNotNull().isNotEqualTo(ip.ipAddress());
        assertThat(LightsailTestKit.instance(lightsail, "web").isStaticIp()).isFalse();
        assertThatThrownBy(() -> lightsail.detachStaticIp(r -> r.staticIpName("web-ip"))).isInstanceOf(InvalidInputException.class);
        lightsail.releaseStaticIp(r -> r.staticIpName("web-ip"));
        assertThat(lightsail.getStaticIps().staticIps()).isEmpty();
        assertThatThrownBy(() -> lightsail.getStaticIp(r -> r.staticIpName("web-ip"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingTheInstanceDetachesItsStaticIp() {
        lightsail.allocateStaticIp(r -> r.staticIpName("ip"));
        lightsail.attachStaticIp(r -> r.staticIpName("ip").instanceName("web"));
        assertThat(lightsail.deleteInstance(r -> r.instanceName("web")).operations())
                .extracting(Operation::operationTypeAsString).containsExactly("DeleteInstance", "DetachStaticIp");
        assertThat(lightsail.getStaticIp(r -> r.staticIpName("ip")).staticIp().isAttached()).isFalse();
        assertThat(lightsail.allocateStaticIp(r -> r.staticIpName("ip2")).operations()).hasSize(1);
        assertThatThrownBy(() -> lightsail.allocateStaticIp(r -> r.staticIpName("ip"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void accessDetailsGiveAKeyAndACertificateSshAccepts() throws Exception {
        InstanceAccessDetails access = lightsail.getInstanceAccessDetails(r -> r.instanceName("web")).accessDetails();
        assertThat(access.username()).isEqualTo("ubuntu");
        assertThat(access.ipAddress()).isEqualTo(LightsailTestKit.instance(lightsail, "web").publicIpAddress());
        assertThat(access.protocolAsString()).isEqualTo("ssh");
        assertThat(access.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(access.certKey()).startsWith("ssh-rsa-cert-v01@openssh.com ");
        assertThat(access.expiresAt()).isAfter(cloudjar.clock().now());

        Path ssh = Path.of("/usr/bin/ssh-keygen");
        assumeThat(Files.isExecutable(ssh)).as("ssh-keygen reads and verifies the certificate").isTrue();
        Path dir = Files.createTempDirectory("ls-cert");
        Path key = dir.resolve("id");
        Files.writeString(key, access.privateKey());
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("id-cert.pub"), access.certKey() + "\n");
        Process show = new ProcessBuilder(ssh.toString(), "-L", "-f", dir.resolve("id-cert.pub").toString())
                .redirectErrorStream(true).start();
        String shown = new String(show.getInputStream().readAllBytes());
        assertThat(show.waitFor()).as(shown).isZero();
        assertThat(shown).contains("user certificate").contains("ubuntu").contains("permit-pty");
        // the certificate certifies the private key handed out with it
        Process pub = new ProcessBuilder(ssh.toString(), "-y", "-f", key.toString()).redirectErrorStream(true).start();
        String derived = new String(pub.getInputStream().readAllBytes()).trim();
        assertThat(pub.waitFor()).as(derived).isZero();
        assertThat(shown).contains(fingerprint(ssh, derived, dir));

        lightsail.stopInstance(r -> r.instanceName("web"));
        assertThatThrownBy(() -> lightsail.getInstanceAccessDetails(r -> r.instanceName("web"))).isInstanceOf(InvalidInputException.class);
    }

    private static String fingerprint(Path ssh, String publicLine, Path dir) throws Exception {
        Path pub = dir.resolve("derived.pub");
        Files.writeString(pub, publicLine + "\n");
        Process p = new ProcessBuilder(ssh.toString(), "-l", "-f", pub.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.split(" ")[1]; // SHA256:...
    }
}
