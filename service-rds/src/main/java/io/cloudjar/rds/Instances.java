package io.cloudjar.rds;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finding instances; one whose deletion has finished on the clock is removed when next read. */
final class Instances {
    static final String DELETED = "deleted";

    private Instances() {
    }

    static List<InstanceRecord> live(RdsState state, Instant now) {
        state.instances.values().removeIf(i -> i.status(now).equals(DELETED));
        return state.instances.values().stream().sorted(Comparator.comparing(InstanceRecord::id)).toList();
    }

    static InstanceRecord find(RdsState state, String id, Instant now) {
        if (id == null || id.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBInstanceIdentifier must be provided and must not be blank.");
        }
        InstanceRecord instance = state.instances.get(id.toLowerCase(Locale.ROOT));
        if (instance == null || instance.status(now).equals(DELETED)) {
            throw RdsErrors.instanceNotFound(id);
        }
        return instance;
    }

    /** The instance, which must be available for {@code what} (stop, reboot, modify, snapshot). */
    static InstanceRecord available(RdsState state, String id, Instant now) {
        InstanceRecord instance = find(state, id, now);
        if (!instance.status(now).equals("available")) {
            throw RdsErrors.instanceState(instance.id(), "available");
        }
        return instance;
    }
}
