package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM role: a trust policy saying who may assume it, and the permissions its sessions get. */
public final class Role extends Identity {
    public String trustPolicy;
    public String description;
    public int maxSessionDuration = 3600;
    public final Set<InstanceProfile> instanceProfiles = new LinkedHashSet<>();
    public Instant lastUsed;
    public String lastUsedRegion;

    public Role(String accountId, String id, String name, String path, Instant created) {
        super(accountId, id, name, path, created);
    }

    @Override
    public String kind() {
        return "role";
    }
}
