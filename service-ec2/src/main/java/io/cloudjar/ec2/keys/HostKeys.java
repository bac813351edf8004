package io.cloudjar.ec2.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * An SSH server's host keys, as a new Linux instance makes them at first boot (RSA 2048, ECDSA P-256, ED25519).
 * Only the public halves are kept: nothing here serves SSH, but clients (and Lightsail's browser client) check
 * these keys and their fingerprints.
 */
public final class HostKeys {
    private static final int RSA_BITS = 2048; // Amazon Linux 2's size; 3072 (newer ssh-keygen) costs a test run seconds

    private HostKeys() {
    }

    /**
     * One host key.
     *
     * @param algorithm the SSH key type: {@code ssh-rsa}, {@code ecdsa-sha2-nistp256} or {@code ssh-ed25519}
     * @param publicKey the public key blob in base64, as the second field of a {@code known_hosts} line
     */
    public record HostKey(String algorithm, String publicKey) {
        /** OpenSSH's SHA-1 fingerprint, {@code SHA1:} and unpadded base64 (as Lightsail answers it). */
        public String fingerprintSha1() {
            return "SHA1:" + unpadded(KeyMaterial.digest("SHA-1", blob()));
        }

        /** OpenSSH's SHA-256 fingerprint, {@code SHA256:} and unpadded base64, as {@code ssh-keygen -l} prints it. */
        public String fingerprintSha256() {
            return "SHA256:" + unpadded(KeyMaterial.digest("SHA-256", blob()));
        }

        private byte[] blob() {
            return Base64.getDecoder().decode(publicKey);
        }

        private static String unpadded(byte[] digest) {
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        }
    }

    /** A fresh set: RSA, ECDSA and ED25519, in the order Lightsail lists them. */
    public static List<HostKey> create() {
        return List.of(key("ssh-rsa", "RSA", null), key("ecdsa-sha2-nistp256", "EC", "secp256r1"),
                key("ssh-ed25519", "Ed25519", null));
    }

    private static HostKey key(String algorithm, String jdkAlgorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jdkAlgorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (jdkAlgorithm.equals("RSA")) {
                generator.initialize(RSA_BITS);
            }
            byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
            byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(PublicKeyFactory.createKey(spki));
            return new HostKey(algorithm, Base64.getEncoder().encodeToString(blob));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create an " + algorithm + " host key", e);
        }
    }
}
