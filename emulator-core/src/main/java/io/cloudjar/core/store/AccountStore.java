package io.cloudjar.core.store;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One state object per account, for global services (IAM, S3's bucket list, Lightsail account settings). */
public final class AccountStore<T> implements Resettable {
    private final ConcurrentHashMap<String, T> states = new ConcurrentHashMap<>();
    private final Supplier<T> factory;

    AccountStore(Supplier<T> factory) {
        this.factory = factory;
    }

    public T get(String accountId) {
        return states.computeIfAbsent(accountId, a -> factory.get());
    }

    public Collection<T> all() {
        return Collections.unmodifiableCollection(states.values());
    }

    @Override
    public void reset() {
        states.clear();
    }
}
