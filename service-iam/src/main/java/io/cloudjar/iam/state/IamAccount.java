package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One account's IAM entities. Names are unique regardless of case ("Bob" and "bob" clash) and looked up the
 * same way, so maps are keyed by the lower-cased name. Every read and change runs under the account's lock
 * ({@link #locked}): IAM changes often span several entities (membership, attachments) and are rare.
 */
public final class IamAccount {
    public final String id;
    /** When this emulator first saw the account: the root's creation time in the credential report. */
    public final Instant created;
    final Map<String, User> users = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Map<String, Role> roles = new HashMap<>();
    final Map<String, InstanceProfile> instanceProfiles = new HashMap<>();
    /** Customer managed policies by lower-cased name (names are unique in an account, whatever the path). */
    final Map<String, ManagedPolicy> policies = new HashMap<>();
    /** AWS managed policies this account has touched (attached, used as boundary), by ARN. */
    final Map<String, ManagedPolicy> awsPolicies = new HashMap<>();
    public final Map<String, MfaDevice> mfaDevices = new LinkedHashMap<>();
    public final Map<String, OidcProvider> oidcProviders = new LinkedHashMap<>();
    public final Map<String, SamlProvider> samlProviders = new LinkedHashMap<>();
    public final List<String> aliases = new ArrayList<>();
    public PasswordPolicy passwordPolicy;
    public CredentialReport credentialReport;
    /** Tells the state file this account changed (not written itself: set by {@link IamState}). */
    private transient Runnable onChange = () -> { };

    IamAccount(String id, Instant created) {
        this.id = id;
        this.created = created;
    }

    public synchronized <T> T locked(Function<IamAccount, T> work) {
        return work.apply(this);
    }

    /** Runs {@code work} under the account's lock as a change: the account is written at the next commit. */
    public <T> T changing(Function<IamAccount, T> work) {
        try {
            return locked(work);
        } finally {
            onChange.run();
        }
    }

    void onChange(Runnable action) {
        this.onChange = action;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // users

    public User user(String name) {
        User user = users.get(key(name));
        if (user == null) {
            throw IamErrors.noSuchUser(name);
        }
        return user;
    }

    public User findUser(String name) {
        return users.get(key(name));
    }

    public void addUser(User user) {
        if (users.putIfAbsent(key(user.name), user) != null) {
            throw IamErrors.userExists(user.name);
        }
    }

    public void renameUser(User user, String newName) {
        if (!key(newName).equals(key(user.name)) && users.containsKey(key(newName))) {
            throw IamErrors.userExists(newName);
        }
        users.remove(key(user.name));
        user.name = newName;
        users.put(key(newName), user);
    }

    public void removeUser(User user) {
        users.remove(key(user.name));
    }

    public Collection<User> users() {
        return users.values();
    }

    // groups

    public Group group(String name) {
        Group group = groups.get(key(name));
        if (group == null) {
            throw IamErrors.noSuchGroup(name);
        }
        return group;
    }

    public void addGroup(Group group) {
        if (groups.putIfAbsent(key(group.name), group) != null) {
            throw IamErrors.groupExists(group.name);
        }
    }

    public void renameGroup(Group group, String newName) {
        if (!key(newName).equals(key(group.name)) && groups.containsKey(key(newName))) {
            throw IamErrors.groupExists(newName);
        }
        groups.remove(key(group.name));
        group.name = newName;
        groups.put(key(newName), group);
    }

    public void removeGroup(Group group) {
        groups.remove(key(group.name));
    }

    public Collection<Group> groups() {
        return groups.values();
    }

    // roles

    public Role role(String name) {
        Role role = roles.get(key(name));
        if (role == null) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    public Role findRole(String name) {
        return roles.get(key(name));
    }

    public void addRole(Role role) {
        if (roles.putIfAbsent(key(role.name), role) != null) {
            throw IamErrors.roleExists(role.name);
        }
    }

    public void removeRole(Role role) {
        roles.remove(key(role.name));
    }

    public Collection<Role> roles() {
        return roles.values();
    }

    // instance profiles

    public InstanceProfile instanceProfile(String name) {
        InstanceProfile profile = instanceProfiles.get(key(name));
        if (profile == null) {
            throw IamErrors.noSuchInstanceProfile(name);
        }
        return profile;
    }

    public void addInstanceProfile(InstanceProfile profile) {
        if (instanceProfiles.putIfAbsent(key(profile.name), profile) != null) {
            throw IamErrors.instanceProfileExists(profile.name);
        }
    }

    public void removeInstanceProfile(InstanceProfile profile) {
        instanceProfiles.remove(key(profile.name));
    }

    public Collection<InstanceProfile> instanceProfiles() {
        return instanceProfiles.values();
    }

    // managed policies

    public void addPolicy(ManagedPolicy policy) {
        if (policies.putIfAbsent(key(policy.name), policy) != null) {
            throw IamErrors.policyExists(policy.name);
        }
    }

    public void removePolicy(ManagedPolicy policy) {
        policies.remove(key(policy.name));
    }

    public Collection<ManagedPolicy> customerPolicies() {
        return policies.values();
    }

    public Collection<ManagedPolicy> touchedAwsPolicies() {
        return awsPolicies.values();
    }

    public ManagedPolicy touchedAwsPolicy(String arn) {
        return awsPolicies.get(arn);
    }

    /** This account's view of an AWS managed policy, created on first use from the catalogue. */
    public ManagedPolicy awsPolicy(String arn, Function<String, ManagedPolicy> fromCatalogue) {
        ManagedPolicy policy = awsPolicies.get(arn);
        if (policy == null) {
            policy = fromCatalogue.apply(arn);
            if (policy != null) {
                awsPolicies.put(arn, policy);
            }
        }
        return policy;
    }

    /** A customer managed policy of this account by ARN, or null. */
    public ManagedPolicy customerPolicy(String arn) {
        String prefix = "arn:aws:iam::" + id + ":policy/";
        if (!arn.startsWith(prefix)) {
            return null;
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        ManagedPolicy policy = policies.get(key(name));
        return policy != null && policy.arn.equals(arn) ? policy : null;
    }

    /** Generated report bytes and when; reports older than four hours are regenerated. */
    public record CredentialReport(byte[] csv, Instant generated) {
    }
}
