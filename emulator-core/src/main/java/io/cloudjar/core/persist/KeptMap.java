package io.cloudjar.core.persist;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A concurrent map that reports each put and remove, so what it holds can be kept across restarts (an S3 bucket's
 * per-version settings and its uploads in progress, Lightsail's automatic snapshot add-ons: changed from many places). The compound updates it cannot report
 * faithfully are refused rather than silently not kept.
 */
public final class KeptMap<K, V> extends ConcurrentHashMap<K, V> {
    private final transient BiConsumer<K, V> onPut;
    private final transient Consumer<K> onRemove;

    public KeptMap(BiConsumer<K, V> onPut, Consumer<K> onRemove) {
        this.onPut = onPut;
        this.onRemove = onRemove;
    }

    @Override
    public V put(K key, V value) {
        V old = super.put(key, value);
        onPut.accept(key, value);
        return old;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V old = super.putIfAbsent(key, value);
        if (old == null) {
            onPut.accept(key, value);
        }
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        V old = super.remove(key);
        if (old != null) {
            onRemove.accept((K) key);
        }
        return old;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean remove(Object key, Object value) {
        boolean removed = super.remove(key, value);
        if (removed) {
            onRemove.accept((K) key);
        }
        return removed;
    }

    /** Fills the map with what was kept, without reporting it again. */
    public void restore(K key, V value) {
        super.put(key, value);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        throw unsupported();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        throw unsupported();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        throw unsupported();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        throw unsupported();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw unsupported();
    }

    @Override
    public V replace(K key, V value) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("use put and remove, which the state file sees");
    }
}
