package io.cloudjar.core.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Creates the stores of one server and wipes them all on reset. */
public final class StoreRegistry {
    private final List<Resettable> resettables = new CopyOnWriteArrayList<>();

    public <T> AccountRegionStore<T> accountRegion(Supplier<T> factory) {
        return accountRegion((account, region) -> factory.get());
    }

    public <T> AccountRegionStore<T> accountRegion(BiFunction<String, String, T> factory) {
        return register(new AccountRegionStore<>(factory));
    }

    /** Any other state to wipe on reset (global indexes, files on disk). */
    public <R extends Resettable> R register(R resettable) {
        resettables.add(resettable);
        return resettable;
    }

    public void resetAll() {
        for (Resettable r : resettables) {
            r.reset();
        }
    }
}
