package io.cloudjar.core.store;

/** State that {@code POST /moto-api/reset} wipes. */
@FunctionalInterface
public interface Resettable {
    void reset();
}
