package io.cloudjar.lightsail;

import io.cloudjar.ec2.keys.HostKeys;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.HostKeyAttributes;

/**
 * An instance's SSH host keys (made with the instance; none on Windows, whose RDP certificate is not modelled) and
 * when Lightsail's browser-based client recorded ("witnessed") them. DeleteKnownHostKeys forgets the recorded keys
 * ({@code witnessedAt} null); the next connection, which starts with GetInstanceAccessDetails, records them again.
 */
record InstanceHostKeys(List<HostKeys.HostKey> keys, Instant witnessedAt) {
    InstanceHostKeys {
        keys = List.copyOf(keys);
    }

    /** A new instance's keys, first recorded when it first runs. */
    static InstanceHostKeys create(boolean windows, Instant firstRunning) {
        return new InstanceHostKeys(windows ? List.of() : HostKeys.create(), firstRunning);
    }

    boolean known() {
        return witnessedAt != null;
    }

    InstanceHostKeys forgotten() {
        return new InstanceHostKeys(keys, null);
    }

    InstanceHostKeys witnessed(Instant at) {
        return new InstanceHostKeys(keys, at);
    }

    List<HostKeyAttributes> toSdk() {
        return keys.stream().map(k -> HostKeyAttributes.builder().algorithm(k.algorithm()).publicKey(k.publicKey())
                .witnessedAt(witnessedAt).fingerprintSHA1(k.fingerprintSha1()).fingerprintSHA256(k.fingerprintSha256())
                .build()).toList();
    }
}
