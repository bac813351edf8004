package io.cloudjar.lightsail;

import io.cloudjar.ec2.keys.HostKeys;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.HostKeyAttributes;

/**
 * An instance's host keys, made with the instance (SSH keys on Linux, the Remote Desktop certificate on Windows), and
 * when Lightsail's browser-based client recorded ("witnessed") them. DeleteKnownHostKeys forgets the recorded keys
 * ({@code witnessedAt} null); the next connection, which starts with GetInstanceAccessDetails, records them again.
 */
record InstanceHostKeys(List<HostKeys.HostKey> keys, Instant witnessedAt) {
    InstanceHostKeys {
        keys = List.copyOf(keys);
    }

    /**
     * A new instance's keys, first recorded when it first runs. Windows names itself EC2AMAZ- and 7 characters, here
     * the end of the instance's id (the end of its support code, {@code <account>/i-…}).
     */
    static InstanceHostKeys create(boolean windows, String supportCode, Instant firstRunning) {
        List<HostKeys.HostKey> keys = windows
                ? List.of(HostKeys.rdpCertificate("EC2AMAZ-" + supportCode.substring(supportCode.length() - 7).toUpperCase(),
                        firstRunning))
                : HostKeys.ssh();
        return new InstanceHostKeys(keys, firstRunning);
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

    /** The keys a client of {@code protocol} checks: the SSH keys, or the Remote Desktop certificate. */
    List<HostKeyAttributes> toSdk(boolean rdp) {
        return keys.stream().filter(k -> HostKeys.X509.equals(k.algorithm()) == rdp).map(k -> HostKeyAttributes.builder().algorithm(k.algorithm()).publicKey(k.publicKey())
                .witnessedAt(witnessedAt).fingerprintSHA1(k.fingerprintSha1()).fingerprintSHA256(k.fingerprintSha256())
                .notValidBefore(k.notValidBefore()).notValidAfter(k.notValidAfter()).build()).toList();
    }
}
