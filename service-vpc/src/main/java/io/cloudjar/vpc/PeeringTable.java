package io.cloudjar.vpc;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every VPC peering connection of the server: a connection joins two accounts or regions, so it lives
 * outside any one {@link NetworkState}. Its own lock; taken after a state's lock, never before.
 */
final class PeeringTable {
    private final TreeMap<String, PeeringRecord> rows = new TreeMap<>();

    synchronized void add(PeeringRecord peering) {
        rows.put(peering.id, peering);
    }

    synchronized Optional<PeeringRecord> find(String id) {
        return Optional.ofNullable(id == null ? null : rows.get(id));
    }

    /** The connections an account sees in a region, sorted by id. */
    synchronized List<PeeringRecord> visibleTo(String accountId, String region) {
        return rows.values().stream().filter(p -> p.involves(accountId, region)).toList();
    }

    /** Runs {@code action} on the connection under this table's lock. */
    synchronized <T> T change(String id, Function<PeeringRecord, T> action) {
        PeeringRecord peering = rows.get(id);
        if (peering == null) {
            throw GatewayErrors.peeringNotFound(id);
        }
        return action.apply(peering);
    }

    synchronized void remove(String id) {
        rows.remove(id);
    }

    synchronized void reset() {
        rows.clear();
    }
}
