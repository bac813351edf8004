package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.HostKeyAttributes;
import software.amazon.awssdk.services.lightsail.model.InstanceAccessProtocol;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/** GetInstanceAccessDetails' host keys and DeleteKnownHostKeys. */
class HostKeysTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void aNewInstanceHasRsaEcdsaAndEd25519HostKeysWhoseFingerprintsAreTheKeys() throws Exception {
        LightsailTestKit.createInstance(lightsail, "web-1", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));

        List<HostKeyAttributes> keys = lightsail.getInstanceAccessDetails(r -> r.instanceName("web-1")).accessDetails().hostKeys();

        assertThat(keys).extracting(HostKeyAttributes::algorithm)
                .containsExactly("ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519");
        for (HostKeyAttributes key : keys) {
            byte[] blob = Base64.getDecoder().decode(key.publicKey());
            assertThat(sshString(blob)).as("the blob names its own type").isEqualTo(key.algorithm());
            assertThat(key.fingerprintSHA256()).isEqualTo("SHA256:" + digest("SHA-256", blob));
            assertThat(key.fingerprintSHA1()).isEqualTo("SHA1:" + digest("SHA-1", blob));
            assertThat(key.witnessedAt()).isNotNull().isBeforeOrEqualTo(Instant.now().plus(Duration.ofHours(1)));
            assertThat(key.notValidBefore()).as("only RDP certificates have a validity").isNull();
        }
        // the keys belong to the instance: the same at every connection, another instance has others
        assertThat(lightsail.getInstanceAccessDetails(r -> r.instanceName("web-1")).accessDetails().hostKeys()).isEqualTo(keys);
        LightsailTestKit.createInstance(lightsail, "web-2", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(lightsail.getInstanceAccessDetails(r -> r.instanceName("web-2")).accessDetails().hostKeys())
                .extracting(HostKeyAttributes::publicKey).doesNotContainAnyElementsOf(keys.stream().map(HostKeyAttributes::publicKey).toList());
    }

    @Test
    void deleteKnownHostKeysMakesTheNextConnectionRecordTheKeysAgain() {
        LightsailTestKit.createInstance(lightsail, "web-1", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        List<HostKeyAttributes> before = lightsail.getInstanceAccessDetails(r -> r.instanceName("web-1")).accessDetails().hostKeys();
        cloudjar.advanceClock(Duration.ofMinutes(10));

        List<Operation> ops = lightsail.deleteKnownHostKeys(r -> r.instanceName("web-1")).operations();

        assertThat(ops).singleElement().satisfies(op -> {
            assertThat(op.operationType()).isEqualTo(OperationType.DELETE_KNOWN_HOST_KEYS);
            assertThat(op.resourceName()).isEqualTo("web-1");
            assertThat(op.resourceTypeAsString()).isEqualTo("Instance");
            assertThat(op.statusAsString()).isEqualTo("Succeeded");
        });
        List<HostKeyAttributes> after = lightsail.getInstanceAccessDetails(r -> r.instanceName("web-1")).accessDetails().hostKeys();
        assertThat(after).extracting(HostKeyAttributes::publicKey)
                .containsExactlyElementsOf(before.stream().map(HostKeyAttributes::publicKey).toList());
        assertThat(after.get(0).witnessedAt()).isAfter(before.get(0).witnessedAt().plus(Duration.ofMinutes(9)));
        assertThat(lightsail.getOperationsForResource(r -> r.resourceName("web-1")).operations())
                .extracting(Operation::operationTypeAsString).contains("DeleteKnownHostKeys");
    }

    @Test
    void windowsAnswersItsRemoteDesktopCertificate() throws Exception {
        LightsailTestKit.createInstance(lightsail, "win-1", "windows_server_2022", "small_win_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(10));

        List<HostKeyAttributes> keys = lightsail.getInstanceAccessDetails(r -> r.instanceName("win-1")).accessDetails().hostKeys();

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.algorithm()).isEqualTo("x509-cert");
            byte[] der = Base64.getDecoder().decode(key.publicKey());
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(certificate.getPublicKey()); // self-signed
            assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=EC2AMAZ-");
            assertThat(key.notValidBefore()).isEqualTo(certificate.getNotBefore().toInstant());
            assertThat(key.notValidAfter()).isEqualTo(certificate.getNotAfter().toInstant())
                    .isAfter(key.notValidBefore().plus(Duration.ofDays(150)));
            assertThat(key.fingerprintSHA1()).isEqualTo(hex("SHA-1", der));
            assertThat(key.fingerprintSHA256()).isEqualTo(hex("SHA-256", der)).matches("([0-9a-f]{2}:){31}[0-9a-f]{2}");
        });
        assertThat(lightsail.getInstanceAccessDetails(r -> r.instanceName("win-1").protocol(InstanceAccessProtocol.SSH))
                .accessDetails().hostKeys()).as("no SSH server on Windows").isEmpty();
    }

    @Test
    void aMissingInstanceIsNotFound() {
        assertThatThrownBy(() -> lightsail.deleteKnownHostKeys(r -> r.instanceName("nope")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
    }

    private static String hex(String algorithm, byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance(algorithm).digest(der));
    }

    private static String sshString(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        byte[] text = new byte[buffer.getInt()];
        buffer.get(text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static String digest(String algorithm, byte[] blob) throws Exception {
        return Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(algorithm).digest(blob));
    }
}
