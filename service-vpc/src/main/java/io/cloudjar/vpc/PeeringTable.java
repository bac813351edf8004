package io.cloudjar.vpc;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.vpc.api.Ec2Errors;
import java.time.Instant;
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
    private final Persistence persistence;
    private final DurableMap<PeeringRecord> durable;
    /** Peerings change in place, so the table is written whole (only changed rows reach the file) at the next commit. */
    private final Persistence.Changes changes = this::writeRows;

    /** Peerings span accounts and regions: one table per server, kept in {@code ec2.peerings} with persistence. */
    PeeringTable(Persistence persistence) {
        this.persistence = persistence;
        this.durable = persistence.map("ec2.peerings", PeeringRecord.class);
    }

    /** Takes back the peerings the state file kept. */
    synchronized void restore() {
        durable.forEach("", rows::put);
    }

    private void changed() {
        persistence.changed(changes);
    }

    private synchronized void writeRows() {
        durable.sync("", rows);
    }

    synchronized void add(PeeringRecord peering) {
        changed();
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
        changed();
        PeeringRecord peering = rows.get(id);
        if (peering == null) {
            throw Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", id);
        }
        return action.apply(peering);
    }

    /** Pending requests not accepted by their expiration time read {@code expired}, as in AWS (a week). */
    synchronized void expire(Instant now) {
        changed();
        for (PeeringRecord p : rows.values()) {
            if ("pending-acceptance".equals(p.status) && !now.isBefore(p.expirationTime)) {
                p.status = "expired";
                p.message = "Expired";
                p.deletedAt = p.expirationTime;
            }
        }
    }

    /** Whether another account's request waits for this VPC to accept it; AWS keeps such a VPC from being deleted. */
    synchronized boolean awaitsAcceptance(String ownerId, String region, String vpcId) {
        return rows.values().stream().anyMatch(p -> "pending-acceptance".equals(p.status) && p.accepter.is(ownerId, region)
                && p.accepter.vpcId().equals(vpcId) && !p.requester.ownerId().equals(ownerId));
    }

    /** A deleted VPC takes its pending and active connections with it. */
    synchronized void vpcDeleted(String ownerId, String region, String vpcId, Instant now) {
        changed();
        for (PeeringRecord p : rows.values()) {
            boolean mine = (p.requester.is(ownerId, region) && p.requester.vpcId().equals(vpcId))
                    || (p.accepter.is(ownerId, region) && p.accepter.vpcId().equals(vpcId));
            if (mine && ("pending-acceptance".equals(p.status) || p.active())) {
                p.status = "deleted";
                p.message = "Deleted by " + ownerId;
                p.deletedAt = now;
            }
        }
    }

    synchronized void remove(String id) {
        changed();
        rows.remove(id);
    }

    synchronized void reset() {
        changed();
        rows.clear();
    }
}
