package io.cloudjar.core.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Creates the stores of one server and wipes them on reset: all of them ({@code /moto-api/reset}), or those of one
 * API ({@code /_cloudjar/state/<api>/reset}) when the service registered them under its API's name.
 */
public final class StoreRegistry {
    private final List<Resettable> resettables = new CopyOnWriteArrayList<>();
    private final Map<String, List<Resettable>> byApi = new ConcurrentHashMap<>();

    public <T> AccountRegionStore<T> accountRegion(Supplier<T> factory) {
        return accountRegion((account, region) -> factory.get());
    }

    public <T> AccountRegionStore<T> accountRegion(BiFunction<String, String, T> factory) {
        return register(new AccountRegionStore<>(factory));
    }

    /** A store wiped with every other, and with the state of {@code api} alone. */
    public <T> AccountRegionStore<T> accountRegion(String api, BiFunction<String, String, T> factory) {
        return register(api, new AccountRegionStore<>(factory));
    }

    /** Any other state to wipe on reset (global indexes, files on disk). */
    public <R extends Resettable> R register(R resettable) {
        resettables.add(resettable);
        return resettable;
    }

    /** State of one API, wiped with every other and by a reset of that API alone. */
    public <R extends Resettable> R register(String api, R resettable) {
        byApi.computeIfAbsent(api, a -> new CopyOnWriteArrayList<>()).add(resettable);
        return register(resettable);
    }

    public void resetAll() {
        for (Resettable r : resettables) {
            r.reset();
        }
    }

    /** The APIs whose state can be reset alone. */
    public Set<String> apis() {
        return Set.copyOf(byApi.keySet());
    }

    /** Wipes the state registered under {@code api}; false when there is none. */
    public boolean reset(String api) {
        List<Resettable> states = byApi.get(api);
        if (states == null) {
            return false;
        }
        states.forEach(Resettable::reset);
        return true;
    }
}
