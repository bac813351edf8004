package io.cloudjar.rds;

import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfigurationInfo;

/**
 * Aurora Serverless v2: a cluster's capacity range in ACUs, which its {@code db.serverless} instances need. Recorded
 * and answered; the real server behind them does not scale (it is one process on this machine either way).
 */
final class ServerlessScaling {
    private ServerlessScaling() {
    }

    /** The range asked for, checked as AWS checks it (0–256 ACUs in half steps, at least 1 for the maximum), or null. */
    static ServerlessV2ScalingConfigurationInfo of(ServerlessV2ScalingConfiguration requested) {
        if (requested == null) {
            return null;
        }
        Double min = requested.minCapacity();
        Double max = requested.maxCapacity();
        if (min == null || max == null) {
            throw RdsErrors.invalidValue("Serverless v2 scaling configuration needs both MinCapacity and MaxCapacity.");
        }
        if (min < 0 || max < 1 || max > 256 || min > max || min * 2 != Math.floor(min * 2) || max * 2 != Math.floor(max * 2)) {
            throw RdsErrors.invalidValue("Serverless v2 MinCapacity %s and MaxCapacity %s are not a valid range: 0 to 256"
                    + " ACUs in steps of 0.5, the maximum at least 1 and not below the minimum.", min, max);
        }
        return ServerlessV2ScalingConfigurationInfo.builder().minCapacity(min).maxCapacity(max).build();
    }

    /** Records the cluster's capacity range; null (none asked for) leaves what it has. */
    static void keep(RdsState state, String clusterId, ServerlessV2ScalingConfigurationInfo range) {
        if (range != null) {
            state.serverlessScaling.put(clusterId, range);
        }
    }

    /** A db.serverless instance joins only a cluster with a capacity range. */
    static void checkInstance(RdsState state, ClusterRecord cluster, String instanceClass) {
        if ("db.serverless".equals(instanceClass) && !state.serverlessScaling.containsKey(cluster.id())) {
            throw RdsErrors.invalidCombination("Set the Serverless v2 scaling configuration on the parent DB cluster"
                    + " before creating a Serverless v2 DB instance.");
        }
    }
}
