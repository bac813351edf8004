package io.cloudjar.iam.state;

import java.time.Instant;

/** An SSH public key uploaded for a user (CodeCommit). */
public final class SshKey {
    public final String id;
    public final String body;
    public final String fingerprint;
    public final Instant uploaded;
    public boolean active = true;

    public SshKey(String id, String body, String fingerprint, Instant uploaded) {
        this.id = id;
        this.body = body;
        this.fingerprint = fingerprint;
        this.uploaded = uploaded;
    }
}
