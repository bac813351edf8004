package io.cloudjar.core.persist;

import java.util.function.BiConsumer;

/** A {@link DurableMap} seen through a key prefix: keys given and shown without it. */
final class ScopedDurableMap<V> implements DurableMap<V> {
    private final DurableMap<V> whole;
    private final String prefix;

    ScopedDurableMap(DurableMap<V> whole, String prefix) {
        this.whole = whole;
        this.prefix = prefix;
    }

    @Override
    public void put(String key, V value) {
        whole.put(prefix + key, value);
    }

    @Override
    public void remove(String key) {
        whole.remove(prefix + key);
    }

    @Override
    public void forEach(String keyPrefix, BiConsumer<String, V> action) {
        whole.forEach(prefix + keyPrefix, (key, value) -> action.accept(key.substring(prefix.length()), value));
    }

    @Override
    public void removeAll(String keyPrefix) {
        whole.removeAll(prefix + keyPrefix);
    }

    @Override
    public int sync(String keyPrefix, java.util.Map<String, ? extends V> current) {
        return whole.sync(prefix + keyPrefix, current);
    }

    @Override
    public DurableMap<V> scoped(String... parts) {
        return new ScopedDurableMap<>(whole, prefix + String.join("/", parts) + "/");
    }
}
