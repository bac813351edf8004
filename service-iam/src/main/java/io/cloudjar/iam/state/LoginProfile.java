package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A user's console password, with the recent ones that the password policy's PasswordReusePrevention refuses. */
public final class LoginProfile {
    /** The most PasswordReusePrevention allows (24), so longer history is never consulted. */
    static final int HISTORY = 24;

    public final Instant created;
    public String password;
    public Instant passwordChanged;
    public boolean resetRequired;
    /** Newest first, the current password included. */
    private final Deque<String> history = new ArrayDeque<>();

    public LoginProfile(String password, Instant created, boolean resetRequired) {
        this.created = created;
        this.resetRequired = resetRequired;
        changePassword(password, created);
    }

    public void changePassword(String newPassword, Instant at) {
        password = newPassword;
        passwordChanged = at;
        history.addFirst(newPassword);
        while (history.size() > HISTORY) {
            history.removeLast();
        }
    }

    /** The last {@code count} passwords, the current one first. */
    public List<String> recentPasswords(int count) {
        return history.stream().limit(count).toList();
    }
}
