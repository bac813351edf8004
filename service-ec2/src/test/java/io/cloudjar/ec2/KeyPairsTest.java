package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class KeyPairsTest extends Ec2SdkTest {
    @Test
    void createdRsaKeyIsAPkcs1PemWhoseFingerprintIsTheSha1OfItsPkcs8Der() throws Exception {
        CreateKeyPairResponse created = ec2.createKeyPair(r -> r.keyName("tc-ssh-keypair"));

        assertThat(created.keyPairId()).matches("key-[0-9a-f]{17}");
        String pem = created.keyMaterial();
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("\n-----END RSA PRIVATE KEY-----");
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(pkcs1);
        assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
        byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa).getEncoded();
        String sha1 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-1").digest(pkcs8));
        assertThat(created.keyFingerprint()).isEqualTo(sha1);

        KeyPairInfo described = ec2.describeKeyPairs(r -> r.keyNames("tc-ssh-keypair").includePublicKey(true)).keyPairs().get(0);
        assertThat(described.keyFingerprint()).isEqualTo(sha1);
        assertThat(described.keyTypeAsString()).isEqualTo("rsa");
        assertThat(described.createTime()).isNotNull();
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(new org.bouncycastle.crypto.params.RSAKeyParameters(false,
                publicKey.getModulus(), publicKey.getPublicExponent()));
        assertThat(described.publicKey()).startsWith("ssh-rsa " + Base64.getEncoder().encodeToString(blob));
        assertThat(ec2.describeKeyPairs(r -> r.keyNames("tc-ssh-keypair")).keyPairs().get(0).publicKey()).isNull();
    }

    @Test
    void createdEd25519KeyIsAnOpenSshPrivateKeyWithASha256Fingerprint() throws Exception {
        CreateKeyPairResponse created = ec2.createKeyPair(r -> r.keyName("ed").keyType("ed25519"));

        String text = created.keyMaterial();
        assertThat(text).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n").endsWith("\n-----END OPENSSH PRIVATE KEY-----");
        byte[] blob = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        Ed25519PrivateKeyParameters key = (Ed25519PrivateKeyParameters) OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob);
        byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey(key.generatePublicKey());
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(publicBlob));
        assertThat(created.keyFingerprint()).isEqualTo(sha256);
        KeyPairInfo described = ec2.describeKeyPairs(r -> r.includePublicKey(true)).keyPairs().get(0);
        assertThat(described.keyTypeAsString()).isEqualTo("ed25519");
        assertThat(described.publicKey()).startsWith("ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob));
    }

    @Test
    void ppkFormatIsAPuttyVersion2FileWithAValidMac() throws Exception {
        String ppk = ec2.createKeyPair(r -> r.keyName("putty").keyFormat("ppk")).keyMaterial();

        assertThat(ppk).startsWith("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: putty\nPublic-Lines: ");
        String[] lines = ppk.split("\n");
        int publicCount = Integer.parseInt(lines[3].substring("Public-Lines: ".length()));
        String publicB64 = String.join("", java.util.Arrays.copyOfRange(lines, 4, 4 + publicCount));
        int privateCount = Integer.parseInt(lines[4 + publicCount].substring("Private-Lines: ".length()));
        String privateB64 = String.join("", java.util.Arrays.copyOfRange(lines, 5 + publicCount, 5 + publicCount + privateCount));
        String mac = lines[5 + publicCount + privateCount].substring("Private-MAC: ".length());

        var data = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(data);
        for (byte[] field : new byte[][] {"ssh-rsa".getBytes(), "none".getBytes(), "putty".getBytes(),
                Base64.getDecoder().decode(publicB64), Base64.getDecoder().decode(privateB64)}) {
            out.writeInt(field.length);
            out.write(field);
        }
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-1")
                .digest("putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII)), "HmacSHA1"));
        assertThat(mac).isEqualTo(HexFormat.of().formatHex(hmac.doFinal(data.toByteArray())));
        assertThat(OpenSSHPublicKeyUtil.parsePublicKey(Base64.getDecoder().decode(publicB64)))
                .isInstanceOf(org.bouncycastle.crypto.params.RSAKeyParameters.class);
    }

    @Test
    void importedRsaKeyGetsTheMd5OfItsDerPublicKeyAsFingerprint() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey rsa = (RSAPublicKey) generator.generateKeyPair().getPublic();
        byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(
                new org.bouncycastle.crypto.params.RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
        String line = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " kim@laptop\n";

        var imported = ec2.importKeyPair(r -> r.keyName("laptop").publicKeyMaterial(SdkBytes.fromUtf8String(line))
                .tagSpecifications(t -> t.resourceType(ResourceType.KEY_PAIR).tags(tag -> tag.key("owner").value("kim"))));

        String md5 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(rsa.getEncoded()));
        assertThat(imported.keyFingerprint()).isEqualTo(md5);
        assertThat(imported.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("kim"));
        assertThat(ec2.describeKeyPairs(r -> r.filters(f -> f.name("tag:owner").values("kim"))).keyPairs())
                .extracting(KeyPairInfo::keyName).containsExactly("laptop");
        assertThat(ec2.describeKeyPairs(r -> r.filters(f -> f.name("fingerprint").values(md5))).keyPairs()).hasSize(1);
    }

    @Test
    void importAcceptsEd25519AndRejectsWhatIsNotAnOpenSshPublicKey() {
        var ed = new Ed25519PrivateKeyParameters(new java.security.SecureRandom()).generatePublicKey();
        byte[] blob;
        try {
            blob = OpenSSHPublicKeyUtil.encodePublicKey(ed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String line = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob);
        var imported = ec2.importKeyPair(r -> r.keyName("ed").publicKeyMaterial(SdkBytes.fromUtf8String(line)));
        assertThat(imported.keyFingerprint()).hasSize(44).endsWith("=");

        assertEc2Error(() -> ec2.importKeyPair(r -> r.keyName("bad").publicKeyMaterial(SdkBytes.fromUtf8String("ssh-rsa notbase64!"))),
                "InvalidKey.Format", 400, "Key is not in valid OpenSSH public key format");
        assertEc2Error(() -> ec2.importKeyPair(r -> r.keyName("ed").publicKeyMaterial(SdkBytes.fromUtf8String(line))),
                "InvalidKeyPair.Duplicate", 400, "The keypair 'ed' already exists.");
    }

    @Test
    void namesAreUniqueAndUnknownNamesAreReported() {
        ec2.createKeyPair(r -> r.keyName("web-1"));
        ec2.createKeyPair(r -> r.keyName("web-2").keyType("ed25519"));
        ec2.createKeyPair(r -> r.keyName("db"));

        assertEc2Error(() -> ec2.createKeyPair(r -> r.keyName("web-1")), "InvalidKeyPair.Duplicate", 400);
        assertEc2Error(() -> ec2.describeKeyPairs(r -> r.keyNames("web-1", "nope")), "InvalidKeyPair.NotFound", 400,
                "The key pair 'nope' does not exist");
        assertEc2Error(() -> ec2.describeKeyPairs(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400);
        assertThat(ec2.describeKeyPairs(r -> r.filters(f -> f.name("key-name").values("web-*"))).keyPairs())
                .extracting(KeyPairInfo::keyName).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(ec2.describeKeyPairs(r -> r.filters(f -> f.name("key-type").values("ed25519"))).keyPairs())
                .extracting(KeyPairInfo::keyName).containsExactly("web-2");
    }

    @Test
    void deletingByNameOrIdRemovesTheKeyAndAnUnknownNameStillSucceeds() {
        String id = ec2.createKeyPair(r -> r.keyName("a")).keyPairId();
        ec2.createKeyPair(r -> r.keyName("b"));

        assertThat(ec2.deleteKeyPair(r -> r.keyPairId(id)).keyPairId()).isEqualTo(id);
        assertThat(ec2.deleteKeyPair(r -> r.keyName("b")).returnValue()).isTrue();
        assertThat(ec2.deleteKeyPair(r -> r.keyName("never-existed")).returnValue()).isTrue();
        assertEc2Error(() -> ec2.deleteKeyPair(r -> r.keyPairId("key-0123456789abcdef0")), "InvalidKeyPair.NotFound", 400);
        assertThat(ec2.describeKeyPairs().keyPairs()).isEmpty();
    }

    @Test
    void dryRunChecksWithoutCreating() {
        assertEc2Error(() -> ec2.createKeyPair(r -> r.keyName("dry").dryRun(true)), "DryRunOperation", 412);
        assertThat(ec2.describeKeyPairs().keyPairs()).isEmpty();
    }

    @Test
    void keyPairsBelongToTheirRegion() {
        ec2.createKeyPair(r -> r.keyName("seoul"));
        try (Ec2Client seoul = cloudjar.client(Ec2Client.builder(), software.amazon.awssdk.regions.Region.AP_NORTHEAST_2, "test", "test")) {
            assertThat(seoul.describeKeyPairs().keyPairs()).isEmpty();
            seoul.createKeyPair(r -> r.keyName("seoul"));
            assertThat(seoul.describeKeyPairs().keyPairs()).hasSize(1);
        }
    }
}
