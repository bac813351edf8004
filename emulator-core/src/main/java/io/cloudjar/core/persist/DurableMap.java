package io.cloudjar.core.persist;

import java.util.function.BiConsumer;

/**
 * A service's records of one kind as kept on disk, by key. Keys of per-account, per-region state start with
 * {@code <account>/<region>/} ({@link #scoped}), so one map holds every scope and start-up can find them all.
 */
public interface DurableMap<V> {
    /** Writes a record (replacing the one under that key); durable at the next {@link Persistence#commit}. */
    void put(String key, V value);

    void remove(String key);

    /** Every record whose key starts with {@code prefix}, in key order, with its whole key. */
    void forEach(String prefix, BiConsumer<String, V> action);

    /** Removes every record whose key starts with {@code prefix}. */
    void removeAll(String prefix);

    /**
     * Makes the records under {@code prefix} what {@code current} holds (keys without the prefix): writes those whose
     * JSON differs from what is kept, removes those no longer there. For state whose records change in place
     * ({@link Persistence#changed}), called at commit under the state's read lock.
     *
     * @return how many records it wrote or removed
     */
    int sync(String prefix, java.util.Map<String, ? extends V> current);

    /** This map seen through a key prefix, e.g. {@code scoped("000000000000", "us-east-1")}. */
    default DurableMap<V> scoped(String... parts) {
        return new ScopedDurableMap<>(this, String.join("/", parts) + "/");
    }

    @SuppressWarnings("unchecked")
    static <V> DurableMap<V> none() {
        return (DurableMap<V>) NoDurableMap.INSTANCE;
    }
}
