package io.cloudjar.core.model;

/** Throwaway: the model package reaching up into the protocol package, which already depends on it. */
final class PresentMembers {
    static boolean present(Object value) {
        return io.cloudjar.core.protocol.WireValues.isPresent(value);
    }
}
