package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finding DB clusters (by identifier or ARN) and their parameter groups; a deleted cluster goes when next read. */
final class Clusters {
    private Clusters() {
    }

    static List<ClusterRecord> live(RdsState state, Instant now) {
        state.clusters.values().removeIf(c -> c.status(now).equals(Instances.DELETED));
        return state.clusters.values().stream().sorted(Comparator.comparing(ClusterRecord::id)).toList();
    }

    /** The cluster named by identifier or by its ARN. */
    static ClusterRecord find(RdsState state, String idOrArn, Instant now) {
        if (idOrArn == null || idOrArn.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBClusterIdentifier must be provided and must not be blank.");
        }
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf(':') + 1) : idOrArn;
        ClusterRecord cluster = state.clusters.get(id.toLowerCase(Locale.ROOT));
        if (cluster == null || cluster.status(now).equals(Instances.DELETED)) {
            throw RdsErrors.clusterNotFound(idOrArn);
        }
        return cluster;
    }

    static ClusterRecord available(RdsState state, String id, Instant now) {
        ClusterRecord cluster = find(state, id, now);
        if (!cluster.status(now).equals("available")) {
            throw RdsErrors.clusterState("DbCluster %s is not in available state.", cluster.id());
        }
        return cluster;
    }

    /** The named DB cluster parameter group; {@code default.<family>} of an Aurora family comes into being when named. */
    static ParameterGroupRecord parameterGroup(RdsState state, CallContext ctx, String requested) {
        if (requested == null || requested.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBClusterParameterGroupName must be provided and must not be blank.");
        }
        String name = requested.toLowerCase(Locale.ROOT);
        ParameterGroupRecord group = state.clusterParameterGroups.get(name);
        if (group != null) {
            return group;
        }
        String family = name.startsWith("default.") ? name.substring("default.".length()) : null;
        if (family == null || !DefaultParameters.isClusterFamily(family)) {
            throw RdsErrors.clusterParameterGroupNotFound(requested);
        }
        return state.clusterParameterGroups.computeIfAbsent(name, n -> new ParameterGroupRecord(n, family,
                "Default cluster parameter group for " + family,
                RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.CLUSTER_PARAMETER_GROUP, n), Map.of()));
    }

    /** The group a cluster of {@code family} runs with: the named one, which must be of that family, or the default. */
    static String parameterGroupFor(RdsState state, CallContext ctx, String requested, String family) {
        ParameterGroupRecord group = parameterGroup(state, ctx, requested == null ? ParameterGroupRecord.defaultName(family) : requested);
        if (!group.family().equals(family)) {
            throw RdsErrors.invalidCombination("The DB cluster parameter group %s with family %s can't be used for"
                    + " this cluster. Use a parameter group with family %s.", group.name(), group.family(), family);
        }
        return group.name();
    }
}
