package io.cloudjar.iam.state;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.Resettable;
import io.cloudjar.core.util.EmulatorClock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything IAM and STS keep, shared by all their providers: the accounts' entities and, across accounts,
 * the index of access keys and STS sessions that authentication consults on every signed call.
 */
public final class IamState implements Resettable {
    private final Map<String, IamAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, AccessKey> accessKeys = new ConcurrentHashMap<>();
    /** Ids of deleted access keys: AWS refuses them, where an unknown key would act as an account's root here. */
    private final Set<String> deletedKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, StsSession> sessions = new ConcurrentHashMap<>();
    private final EmulatorClock clock;
    private final Persistence persistence;
    /** Each account whole, by id (accounts are small and change rarely); deleted key ids; unexpired sessions. */
    private final DurableMap<IamAccount> keptAccounts;
    private final DurableMap<String> keptDeletedKeys;
    private final DurableMap<StsSession> keptSessions;

    private IamState(ServiceContext context) {
        this.clock = context.clock();
        this.persistence = context.persistence();
        this.keptAccounts = persistence.map("iam.accounts", IamAccount.class);
        this.keptDeletedKeys = persistence.map("iam.deletedKeys", String.class);
        this.keptSessions = persistence.map("iam.sessions", StsSession.class);
        context.stores().register("iam", this); // STS's sessions live here too: resetting sts is resetting iam
        persistence.restoreWith(this::restore);
        context.addCredentialResolver(new IamCredentials(this));
    }

    /** Takes back what the state file kept; sessions that expired meanwhile stay gone. */
    private void restore() {
        keptAccounts.forEach("", (id, account) -> {
            accounts.put(id, watched(account));
            account.users().forEach(user -> user.accessKeys.forEach(this::indexKey));
        });
        keptDeletedKeys.forEach("", (id, deleted) -> deletedKeys.add(id));
        Instant now = clock.now();
        keptSessions.forEach("", (id, session) -> {
            if (session.expiration().isAfter(now)) {
                sessions.put(id, session);
            } else {
                keptSessions.remove(id);
            }
        });
    }

    /** Has the account written whole at the next commit whenever it changes. */
    private IamAccount watched(IamAccount account) {
        Persistence.Changes write = () -> account.locked(a -> {
            keptAccounts.put(a.id, a);
            return null;
        });
        account.onChange(() -> persistence.changed(write));
        return account;
    }

    /** The one state of this server; the first provider to ask creates it and registers the credential resolver. */
    public static IamState of(ServiceContext context) {
        return context.shared(IamState.class, () -> new IamState(context));
    }

    public IamAccount account(String accountId) {
        return accounts.computeIfAbsent(accountId, id -> {
            IamAccount account = watched(new IamAccount(id, clock.now()));
            account.changing(a -> a); // written at once: its creation time is the root's in the credential report
            return account;
        });
    }

    /** The account if this emulator has seen it, else null (never creates one). */
    public IamAccount knownAccount(String accountId) {
        return accounts.get(accountId);
    }

    public Collection<IamAccount> accounts() {
        return accounts.values();
    }

    public EmulatorClock clock() {
        return clock;
    }

    // access keys (owned by users; indexed here so any call can be authenticated without knowing the account)

    public void indexKey(AccessKey key) {
        accessKeys.put(key.id, key);
    }

    public void unindexKey(AccessKey key) {
        deletedKeys.add(key.id);
        keptDeletedKeys.put(key.id, "deleted");
        accessKeys.remove(key.id);
    }

    public boolean wasDeleted(String accessKeyId) {
        return deletedKeys.contains(accessKeyId);
    }

    public Optional<AccessKey> accessKey(String id) {
        return Optional.ofNullable(accessKeys.get(id));
    }

    // STS sessions

    public void addSession(StsSession session) {
        sessions.put(session.accessKeyId(), session);
        keptSessions.put(session.accessKeyId(), session);
    }

    public Optional<StsSession> session(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    @Override
    public void reset() {
        accounts.clear();
        accessKeys.clear();
        deletedKeys.clear();
        sessions.clear();
    }
}
