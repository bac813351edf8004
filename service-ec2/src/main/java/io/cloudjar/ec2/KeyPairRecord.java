package io.cloudjar.ec2;

import java.time.Instant;
import java.util.Map;

/** A key pair EC2 keeps: never the private key, which only CreateKeyPair's answer carries. */
record KeyPairRecord(String keyPairId, String keyName, String keyType, String fingerprint, String publicKey,
                     Instant createTime, Map<String, String> tags) {
    KeyPairRecord {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    KeyPairRecord withTags(Map<String, String> newTags) {
        return new KeyPairRecord(keyPairId, keyName, keyType, fingerprint, publicKey, createTime, newTags);
    }
}
