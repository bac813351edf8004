package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM group: its policies apply to every member. */
public final class Group extends Identity {
    public final Set<User> members = new LinkedHashSet<>();

    public Group(String accountId, String id, String name, String path, Instant created) {
        super(accountId, id, name, path, created);
    }

    @Override
    public String kind() {
        return "group";
    }
}
