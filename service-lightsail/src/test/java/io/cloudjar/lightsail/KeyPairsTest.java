package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.KeyPair;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.lightsail.model.RegionName;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

class KeyPairsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void createdKeyPairAnswersItsPrivateKeyOnceAndIsListed() throws Exception {
        CreateKeyPairResponse created = lightsail.createKeyPair(r -> r.keyPairName("seed-key").tags(t -> t.key("env").value("lab")));
        KeyPair pair = created.keyPair();
        assertThat(pair.name()).isEqualTo("seed-key");
        assertThat(pair.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:KeyPair/[0-9a-f-]{36}");
        assertThat(pair.supportCode()).isEqualTo("000000000000/seed-key");
        assertThat(pair.resourceType()).isEqualTo(ResourceType.KEY_PAIR);
        assertThat(pair.location().availabilityZone()).isEqualTo("all");
        assertThat(pair.location().regionName()).isEqualTo(RegionName.US_EAST_1);
        assertThat(pair.fingerprint()).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
        assertThat(pair.tags()).singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("env=lab"));
        assertThat(created.publicKeyBase64()).startsWith("ssh-rsa AAAA");
        assertThat(created.privateKeyBase64()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        Operation op = created.operation();
        assertThat(op.operationTypeAsString()).isEqualTo("CreateKeyPair");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(op.isTerminal()).isTrue();
        assertThat(op.resourceName()).isEqualTo("seed-key");
        assertThat(op.id()).matches("[0-9a-f-]{36}");
        assertThat(lightsail.getOperation(r -> r.operationId(op.id())).operation()).isEqualTo(op);

        KeyPair got = lightsail.getKeyPair(r -> r.keyPairName("seed-key")).keyPair();
        assertThat(got).isEqualTo(pair);
        assertThat(lightsail.getKeyPairs().keyPairs()).extracting(KeyPair::name).containsExactly("seed-key");
    }

    @Test
    void importedPublicKeyWorksAndNamesAreUnique() {
        String publicKey = lightsail.createKeyPair(r -> r.keyPairName("source")).publicKeyBase64();
        lightsail.importKeyPair(r -> r.keyPairName("imported").publicKeyBase64(publicKey));
        assertThat(lightsail.getKeyPair(r -> r.keyPairName("imported")).keyPair().fingerprint()).isNotEmpty();

        assertThatThrownBy(() -> lightsail.importKeyPair(r -> r.keyPairName("imported").publicKeyBase64(publicKey)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Some names are already in use: imported"));
        assertThatThrownBy(() -> lightsail.importKeyPair(r -> r.keyPairName("junk").publicKeyBase64("not a key")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void defaultKeyPairIsMadeOnceAndDownloadsWithAWorkingPrivateKey() throws Exception {
        var first = lightsail.downloadDefaultKeyPair();
        var again = lightsail.downloadDefaultKeyPair();
        assertThat(again.privateKeyBase64()).isEqualTo(first.privateKeyBase64());
        assertThat(again.createdAt()).isEqualTo(first.createdAt());
        assertThat(lightsail.getKeyPairs().keyPairs()).isEmpty();
        assertThat(lightsail.getKeyPairs(r -> r.includeDefaultKeyPair(true)).keyPairs()).extracting(KeyPair::name)
                .containsExactly("LightsailDefaultKeyPair");

        // the private key signs what the public key verifies: a real pair
        byte[] der = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(new org.bouncycastle.asn1.pkcs.PrivateKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                        org.bouncycastle.asn1.DERNull.INSTANCE),
                org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(pemBody(first.privateKeyBase64())))).getEncoded();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        signer.update("hello".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(sshRsaPublicKey(first.publicKeyBase64()));
        verifier.update("hello".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void tagsAndUntagsWithOperations() {
        lightsail.createKeyPair(r -> r.keyPairName("tagged"));
        Operation tagged = lightsail.tagResource(r -> r.resourceName("tagged").tags(t -> t.key("a").value("1"), t -> t.key("b")))
                .operations().get(0);
        assertThat(tagged.operationTypeAsString()).isEqualTo("TagResource");
        assertThat(tagged.resourceType()).isEqualTo(ResourceType.KEY_PAIR);
        assertThat(lightsail.getKeyPair(r -> r.keyPairName("tagged")).keyPair().tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("a=1", "b=null");
        lightsail.untagResource(r -> r.resourceName("tagged").tagKeys("a"));
        assertThat(lightsail.getKeyPair(r -> r.keyPairName("tagged")).keyPair().tags()).extracting(t -> t.key()).containsExactly("b");

        String arn = lightsail.getKeyPair(r -> r.keyPairName("tagged")).keyPair().arn();
        lightsail.tagResource(r -> r.resourceName("tagged").resourceArn(arn).tags(t -> t.key("c").value("3")));
        assertThatThrownBy(() -> lightsail.tagResource(r -> r.resourceName("tagged")
                .resourceArn(arn.replaceAll("/.*", "/00000000-0000-0000-0000-000000000000")).tags(t -> t.key("c"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.tagResource(r -> r.resourceName("ghost").tags(t -> t.key("c"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.tagResource(r -> r.resourceName("tagged").tags(t -> t.key("aws:x"))))
                .isInstanceOf(InvalidInputException.class);

        assertThat(lightsail.getOperationsForResource(r -> r.resourceName("tagged")).operations())
                .extracting(Operation::operationTypeAsString)
                .containsExactly("CreateKeyPair", "TagResource", "UntagResource", "TagResource");
        assertThat(lightsail.getOperations().operations()).hasSize(4);
    }

    @Test
    void missingResourcesAreNotFoundInLightsailsShape() {
        assertThatThrownBy(() -> lightsail.getKeyPair(r -> r.keyPairName("nope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The KeyPair does not exist: nope");
                    assertThat(e.code()).isEqualTo("DoesNotExist");
                    assertThat(e.docs()).startsWith("https://");
                });
        assertThatThrownBy(() -> lightsail.deleteKeyPair(r -> r.keyPairName("nope"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.getOperation(r -> r.operationId("0000"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.getKeyPairs(r -> r.pageToken("bogus"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void deleteChecksTheExpectedFingerprint() {
        String fingerprint = lightsail.createKeyPair(r -> r.keyPairName("gone")).keyPair().fingerprint();
        assertThatThrownBy(() -> lightsail.deleteKeyPair(r -> r.keyPairName("gone").expectedFingerprint("00:11")))
                .isInstanceOf(InvalidInputException.class);
        Operation deleted = lightsail.deleteKeyPair(r -> r.keyPairName("gone").expectedFingerprint(fingerprint)).operation();
        assertThat(deleted.operationTypeAsString()).isEqualTo("DeleteKeyPair");
        assertThat(lightsail.getKeyPairs().keyPairs()).isEmpty();
    }

    static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    static PublicKey sshRsaPublicKey(String line) throws Exception {
        var params = (org.bouncycastle.crypto.params.RSAKeyParameters) org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil
                .parsePublicKey(Base64.getDecoder().decode(line.split(" ")[1]));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(params.getModulus(), params.getExponent()));
        return key;
    }
}
