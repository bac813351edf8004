package io.cloudjar.rds;

import io.cloudjar.rds.engine.ParameterDefinition;
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
            if (ParameterDefinition.reachesServer(name, user.value())) {
                values.put(name, user.value());
            }
        });
        return values;
    }

    /** What reaches an instance's server: its cluster's group values (an Aurora member) under its own group's. */
    static Map<String, String> forInstance(RdsState state, InstanceRecord instance) {
        Map<String, String> values = new LinkedHashMap<>();
        String clusterId = state.instanceClusters.get(instance.id());
        ClusterRecord cluster = clusterId == null ? null : state.clusters.get(clusterId);
        if (cluster != null) {
            values.putAll(of(state.clusterParameterGroups.get(cluster.settings().parameterGroupName())));
        }
        values.putAll(of(state.parameterGroups.get(instance.settings().parameterGroupName())));
        return values;
    }

    /** What reaches a cluster's own server: its writer's values, or the cluster group's while it has no writer. */
    static Map<String, String> forCluster(RdsState state, ClusterRecord cluster) {
        InstanceRecord writer = cluster.writerId() == null ? null : state.instances.get(cluster.writerId());
        return writer != null ? forInstance(state, writer)
                : of(state.clusterParameterGroups.get(cluster.settings().parameterGroupName()));
    }

    /** Sends a DB parameter group's values to the running servers of every instance that uses it. */
    static void push(RdsState state, String groupName) {
        for (InstanceRecord instance : state.instances.values()) {
            if (instance.database() != null && groupName.equals(instance.settings().parameterGroupName())) {
                instance.database().applyParameters(forInstance(state, instance));
            }
        }
    }

    /** Sends a DB cluster parameter group's values to the servers of every cluster that uses it and of its members. */
    static void pushCluster(RdsState state, String groupName) {
        for (ClusterRecord cluster : state.clusters.values()) {
            if (!groupName.equals(cluster.settings().parameterGroupName())) {
                continue;
            }
            if (cluster.database() != null) {
                cluster.database().applyParameters(forCluster(state, cluster));
            }
            for (InstanceRecord member : state.instances.values()) {
                if (cluster.id().equals(state.instanceClusters.get(member.id())) && member.database() != null
                        && member.database() != cluster.database()) {
                    member.database().applyParameters(forInstance(state, member));
                }
            }
        }
    }
}
