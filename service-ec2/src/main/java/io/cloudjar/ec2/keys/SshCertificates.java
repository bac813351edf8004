package io.cloudjar.ec2.keys;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * OpenSSH user certificates (PROTOCOL.certkeys): a public key signed by a certificate authority for a login name and
 * a validity window, as Lightsail's GetInstanceAccessDetails hands out with a short-lived key. {@code ssh-keygen -L}
 * reads and verifies them.
 */
public final class SshCertificates {
    private static final String RSA_CERT = "ssh-rsa-cert-v01@openssh.com";
    private static final String ED25519_CERT = "ssh-ed25519-cert-v01@openssh.com";
    private static final int USER_CERT = 1;
    private static final List<String> EXTENSIONS = List.of("permit-X11-forwarding", "permit-agent-forwarding",
            "permit-port-forwarding", "permit-pty", "permit-user-rc");

    private SshCertificates() {
    }

    /** An RSA certificate authority: a key pair kept by whoever issues certificates. */
    public record Authority(KeyPair keys) {
        public static Authority create() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new Authority(generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot create an SSH certificate authority", e);
            }
        }

        /** The authority's public key as an OpenSSH line, what a server's TrustedUserCAKeys lists. */
        public String publicKeyLine() {
            return "ssh-rsa " + Base64.getEncoder().encodeToString(blob());
        }

        byte[] blob() {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            return new SshWire().string("ssh-rsa").mpint(key.getPublicExponent()).mpint(key.getModulus()).bytes();
        }
    }

    /**
     * @param publicKeyLine the OpenSSH public key to certify ({@code ssh-rsa AAAA…} or {@code ssh-ed25519 AAAA…})
     * @return the certificate as an OpenSSH line ({@code ssh-rsa-cert-v01@openssh.com AAAA…})
     */
    public static String userCertificate(Authority authority, String publicKeyLine, String keyId, List<String> principals,
                                         Instant validAfter, Instant validBefore) {
        byte[] keyBlob = Base64.getDecoder().decode(publicKeyLine.trim().split("\\s+")[1]);
        ByteBuffer blob = ByteBuffer.wrap(keyBlob);
        byte[] type = new byte[blob.getInt()];
        blob.get(type);
        String certType = new String(type, StandardCharsets.US_ASCII).equals("ssh-ed25519") ? ED25519_CERT : RSA_CERT;
        byte[] keyFields = new byte[blob.remaining()]; // the key's own fields (e, n or the ed25519 point), as they were
        blob.get(keyFields);

        SshWire principalList = new SshWire();
        principals.forEach(principalList::string);
        SshWire extensions = new SshWire();
        EXTENSIONS.forEach(e -> extensions.string(e).string(new byte[0]));
        byte[] nonce = new byte[32];
        io.cloudjar.core.util.Ids.random().nextBytes(nonce);
        byte[] body = new SshWire()
                .string(certType).string(nonce).raw(keyFields)
                .uint64(new BigInteger(63, io.cloudjar.core.util.Ids.random()).longValue())
                .uint32(USER_CERT).string(keyId).string(principalList.bytes())
                .uint64(validAfter.getEpochSecond()).uint64(validBefore.getEpochSecond())
                .string(new byte[0]).string(extensions.bytes()).string(new byte[0])
                .string(authority.blob())
                .bytes();
        try {
            Signature signer = Signature.getInstance("SHA512withRSA");
            signer.initSign(authority.keys().getPrivate());
            signer.update(body);
            byte[] signature = new SshWire().string("rsa-sha2-512").string(signer.sign()).bytes();
            byte[] certificate = new SshWire().raw(body).string(signature).bytes();
            return certType + " " + Base64.getEncoder().encodeToString(certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an SSH certificate", e);
        }
    }
}
