package io.cloudjar.rds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What of a DB parameter group reaches the real server: the values a user set, but not RDS's own settings
 * ({@code rds.*}) nor formulas ({@code {DBInstanceClassMemory/...}}), which only AWS's hosts evaluate.
 */
final class EngineParameters {
    private EngineParameters() {
    }

    static Map<String, String> of(ParameterGroupRecord group) {
        Map<String, String> values = new LinkedHashMap<>();
        if (group == null) {
            return values;
        }
        group.userValues().forEach((name, user) -> {
            if (user.value() != null && !name.startsWith("rds.") && !user.value().contains("{")) {
                values.put(name, user.value());
            }
        });
        return values;
    }

    /** Sends a group's values to the running servers of every instance that uses it. */
    static void push(RdsState state, String groupName) {
        ParameterGroupRecord group = state.parameterGroups.get(groupName);
        for (InstanceRecord instance : state.instances.values()) {
            if (instance.database() != null && groupName.equals(instance.settings().parameterGroupName())) {
                instance.database().applyParameters(of(group));
            }
        }
    }
}
