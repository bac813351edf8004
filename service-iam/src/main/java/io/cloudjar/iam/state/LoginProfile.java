package io.cloudjar.iam.state;

import java.time.Instant;

/** A user's console password. */
public final class LoginProfile {
    public final Instant created;
    public String password;
    public Instant passwordChanged;
    public boolean resetRequired;

    public LoginProfile(String password, Instant created, boolean resetRequired) {
        this.password = password;
        this.created = created;
        this.passwordChanged = created;
        this.resetRequired = resetRequired;
    }
}
