package io.cloudjar.ec2.keys;

/**
 * A key pair as EC2 hands it out once: the private key in the requested format, the public key as an
 * OpenSSH line (kept for {@code DescribeKeyPairs IncludePublicKey}) and AWS's fingerprint.
 */
public record KeyPairMaterial(String keyType, String privateKey, String publicKey, String fingerprint) {
}
