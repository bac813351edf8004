package io.cloudjar.core.store;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One state object per (account, region), created on first use. The state object guards its own
 * invariants (concurrent maps, or its own lock around compound changes); this class only hands it out.
 */
public final class AccountRegionStore<T> implements Resettable {
    private final ConcurrentHashMap<Scope, T> states = new ConcurrentHashMap<>();
    private final BiFunction<String, String, T> factory;

    /** @param factory makes the state of an account and region (which it may need to find its persisted records) */
    AccountRegionStore(BiFunction<String, String, T> factory) {
        this.factory = factory;
    }

    public T get(String accountId, String region) {
        return states.computeIfAbsent(new Scope(accountId, region), s -> factory.apply(s.accountId(), s.region()));
    }

    /** Every state created so far, for cross-region views (e.g. S3 bucket names are global). */
    public Collection<T> all() {
        return Collections.unmodifiableCollection(states.values());
    }

    @Override
    public void reset() {
        states.clear();
    }

    private record Scope(String accountId, String region) {
    }
}
