package io.cloudjar.lightsail;

import software.amazon.awssdk.services.lightsail.model.KeyPair;

/**
 * A Lightsail SSH key pair (regional: its zone is {@code all}). Only the region's default key pair keeps its
 * private key, since DownloadDefaultKeyPair hands it out again; a created pair's private key is answered once.
 *
 * @param publicKey  the OpenSSH public key line
 * @param privateKey the PEM private key of the default key pair; null for others
 */
record KeyPairRecord(ResourceMeta meta, String fingerprint, String publicKey, String privateKey, boolean isDefault)
        implements LightsailResource<KeyPairRecord> {

    /** The default key pair's name, as instances created without one name it in {@code sshKeyName}. */
    static final String DEFAULT_NAME = "LightsailDefaultKeyPair";

    @Override
    public KeyPairRecord withMeta(ResourceMeta newMeta) {
        return new KeyPairRecord(newMeta, fingerprint, publicKey, privateKey, isDefault);
    }

    KeyPair toSdk() {
        return KeyPair.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .fingerprint(fingerprint)
                .build();
    }
}
