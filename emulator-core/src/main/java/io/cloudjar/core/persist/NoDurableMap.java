package io.cloudjar.core.persist;

import java.util.function.BiConsumer;

/** The map of a server without persistence: writes go nowhere, nothing is ever found. */
final class NoDurableMap implements DurableMap<Object> {
    static final NoDurableMap INSTANCE = new NoDurableMap();

    private NoDurableMap() {
    }

    @Override
    public void put(String key, Object value) {
    }

    @Override
    public void remove(String key) {
    }

    @Override
    public void forEach(String prefix, BiConsumer<String, Object> action) {
    }

    @Override
    public void removeAll(String prefix) {
    }

    @Override
    public int sync(String prefix, java.util.Map<String, ?> current) {
        return 0;
    }

    @Override
    public DurableMap<Object> scoped(String... parts) {
        return this;
    }
}
