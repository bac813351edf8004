package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.time.Instant;
import java.util.List;

/**
 * How instance calls find the instances they name: ids of the wrong shape are {@code InvalidInstanceID.Malformed},
 * unknown ones (or ones terminated over an hour ago) are all reported in one {@code InvalidInstanceID.NotFound}.
 */
final class InstanceLookup {
    private InstanceLookup() {
    }

    static void checkShapes(List<String> ids) {
        ids.stream().filter(id -> !ResourceIds.wellFormed(id, "i")).findFirst().ifPresent(id -> {
            throw Ec2Errors.of("InvalidInstanceID.Malformed", id);
        });
    }

    /** The named instances, each once, in the order first named. */
    static List<InstanceRecord> require(ComputeState state, List<String> ids, Instant now) {
        checkShapes(ids);
        List<String> distinct = ids.stream().distinct().toList();
        List<String> missing = distinct.stream().filter(id -> state.instance(id, now).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw missing.size() == 1 ? Ec2Errors.of("InvalidInstanceID.NotFound", missing.get(0))
                    : Ec2Errors.of("InvalidInstanceID.NotFound#plural", String.join(", ", missing));
        }
        return distinct.stream().map(id -> state.requireInstance(id, now)).toList();
    }

    /** The named instances, or every visible one when none are named (the Describe calls' rule). */
    static List<InstanceRecord> namedOrAll(ComputeState state, List<String> ids, Instant now) {
        return ids.isEmpty() ? List.copyOf(state.instances(now)) : require(state, ids, now);
    }

    static InstanceRecord require(ComputeState state, String id, Instant now) {
        if (id == null) {
            throw Ec2Errors.of("MissingParameter", "InstanceId");
        }
        return require(state, List.of(id), now).get(0);
    }
}
