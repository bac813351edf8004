package io.cloudjar.rds;

import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
import java.util.List;

/**
 * An Aurora DB cluster. Immutable; a change replaces it in {@link RdsState#clusters}. Its {@code database} is the
 * cluster's one writable server (Aurora's shared storage and its writer): the cluster endpoint and the writer
 * instance answer on it, readers are real replicas of it.
 *
 * @param writerId      the member instance that is the writer, or null before the first instance
 * @param noEngine      why no server runs behind the endpoints (shown as a status), or null
 */
record ClusterRecord(String id, String resourceId, String arn, String engine, String masterUsername, String dbName,
                     int port, String subnetGroupName, String vpcId, List<String> availabilityZones,
                     boolean storageEncrypted, Instant createdAt, ClusterSettings settings,
                     String writerId, Steps steps, RunningDatabase database, String noEngine) {

    /** The status now: the clock's, held at its transitional status until the real server accepts connections. */
    String status(Instant now) {
        return steps.status(now, database);
    }

    ClusterRecord withSteps(Steps next) {
        return new ClusterRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZones, storageEncrypted, createdAt, settings, writerId, next, database, noEngine);
    }

    ClusterRecord withSettings(ClusterSettings next, Steps nextSteps) {
        return new ClusterRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZones, storageEncrypted, createdAt, next, writerId, nextSteps, database, noEngine);
    }

    ClusterRecord withWriter(String instanceId) {
        return new ClusterRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZones, storageEncrypted, createdAt, settings, instanceId, steps, database, noEngine);
    }

    ClusterRecord withDatabase(RunningDatabase running, String why) {
        return new ClusterRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZones, storageEncrypted, createdAt, settings, writerId, steps, running, why);
    }

    /** The port the cluster's endpoints answer on: the real server's when one runs, the requested one otherwise. */
    int endpointPort() {
        return database != null ? database.port() : port;
    }
}
