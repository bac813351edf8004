package io.cloudjar.lightsail;

import io.cloudjar.ec2.keys.KeyMaterial;
import io.cloudjar.ec2.keys.KeyPairMaterial;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/** The region's default key pair, made on first use (an instance created without a key pair, or a download). */
final class DefaultKeyPair {
    private DefaultKeyPair() {
    }

    static KeyPairRecord get(LightsailState state, LightsailScope scope) {
        synchronized (state.lock) {
            return state.keyPairs.find(KeyPairRecord.DEFAULT_NAME).filter(KeyPairRecord::isDefault).orElseGet(() -> {
                KeyPairMaterial material = KeyMaterial.create(KeyMaterial.RSA, "pem", KeyPairRecord.DEFAULT_NAME);
                KeyPairRecord pair = new KeyPairRecord(ResourceMeta.create(scope, ResourceType.KEY_PAIR,
                        KeyPairRecord.DEFAULT_NAME, "all", KeyPairRecord.DEFAULT_NAME, Map.of()),
                        material.fingerprint(), material.publicKey(), material.privateKey(), true);
                state.keyPairs.put(pair);
                return pair;
            });
        }
    }
}
