package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An IAM user and the credentials that belong to it. */
public final class User extends Identity {
    public final List<AccessKey> accessKeys = new ArrayList<>();
    public final List<MfaDevice> mfaDevices = new ArrayList<>();
    public final List<SshKey> sshKeys = new ArrayList<>();
    public final Set<Group> groups = new LinkedHashSet<>();
    public LoginProfile loginProfile;
    public Instant passwordLastUsed;

    public User(String accountId, String id, String name, String path, Instant created) {
        super(accountId, id, name, path, created);
    }

    @Override
    public String kind() {
        return "user";
    }
}
