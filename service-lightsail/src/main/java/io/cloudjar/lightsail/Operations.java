package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ObjLongConsumer;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * The operations of one account and region, oldest first, as GetOperations lists them. Every mutating call records
 * its operations here through {@code record} and answers what it returns. Types are the SDK's enum where it has
 * them, else AWS's text ("TagResource", "CreateKeyPair", ...).
 */
final class Operations {
    private final List<OperationRecord> all = new CopyOnWriteArrayList<>();
    /** Writes each new operation to the state file, numbered in the order recorded (nothing without persistence). */
    private final ObjLongConsumer<OperationRecord> kept;

    Operations(ObjLongConsumer<OperationRecord> kept) {
        this.kept = kept;
    }

    /** An operation finished at once (Succeeded): most changes. */
    Operation record(LightsailScope scope, ResourceMeta resource, OperationType type, String details) {
        return record(scope, resource, type.toString(), details, scope.now());
    }

    /** An operation that stays Started until {@code completesAt} (an instance starting, a snapshot being taken). */
    Operation record(LightsailScope scope, ResourceMeta resource, OperationType type, String details, Instant completesAt) {
        return record(scope, resource, type.toString(), details, completesAt);
    }

    Operation record(LightsailScope scope, ResourceMeta resource, String type, String details) {
        return record(scope, resource, type, details, scope.now());
    }

    Operation record(LightsailScope scope, ResourceMeta resource, String type, String details, Instant completesAt) {
        OperationRecord op = new OperationRecord(UUID.randomUUID().toString(), resource.name(), resource.type(),
                scope.now(), resource.location(), type, details == null ? "" : details, completesAt);
        synchronized (all) { // the kept number follows the list's order
            all.add(op);
            kept.accept(op, all.size());
        }
        return op.toSdk(scope.now());
    }

    /** An operation read back from the state file, in the order kept. */
    void restore(OperationRecord op) {
        all.add(op);
    }

    List<OperationRecord> list() {
        return List.copyOf(all);
    }

    Optional<OperationRecord> find(String id) {
        return all.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
