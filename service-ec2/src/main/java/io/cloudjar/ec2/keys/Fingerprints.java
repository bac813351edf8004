package io.cloudjar.ec2.keys;

import java.util.Base64;

/** The fingerprint forms EC2 shows besides the created-RSA one (see {@link KeyMaterial}). */
final class Fingerprints {
    private Fingerprints() {
    }

    /** ED25519 keys: base64 of the SHA-256 of the SSH public key blob, as {@code ssh-keygen -l} prints it. */
    static String sha256(byte[] publicBlob) {
        return Base64.getEncoder().encodeToString(KeyMaterial.digest("SHA-256", publicBlob));
    }

    static String sshAlgorithm(String keyType) {
        return KeyMaterial.RSA.equals(keyType) ? "ssh-rsa" : "ssh-ed25519";
    }
}
