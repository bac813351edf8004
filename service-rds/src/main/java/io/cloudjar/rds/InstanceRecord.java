package io.cloudjar.rds;

import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;

/**
 * A DB instance. Immutable; a change replaces it in {@link RdsState#instances}.
 *
 * @param pending  modifications waiting for the maintenance window (ModifyDBInstance without ApplyImmediately), or null
 * @param database the real server behind the endpoint, or null when no engine runs this instance's engine
 * @param noEngine why no server runs behind the endpoint (shown as a status info), or null
 */
record InstanceRecord(String id, String resourceId, String arn, String engine, String masterUsername, String dbName,
                      int port, String subnetGroupName, String vpcId, String availabilityZone, Instant createdAt,
                      InstanceSettings settings, InstanceSettings pending, Steps steps, RunningDatabase database,
                      String noEngine) {

    /** The status now: the clock's, held at the last transitional status until the real server accepts connections. */
    String status(Instant now) {
        return steps.status(now, database);
    }

    InstanceRecord withSteps(Steps next) {
        return new InstanceRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZone, createdAt, settings, pending, next, database, noEngine);
    }

    InstanceRecord withSettings(InstanceSettings now, InstanceSettings later, Steps next) {
        return new InstanceRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZone, createdAt, now, later, next, database, noEngine);
    }

    InstanceRecord withDatabase(RunningDatabase running, String why) {
        return new InstanceRecord(id, resourceId, arn, engine, masterUsername, dbName, port, subnetGroupName, vpcId,
                availabilityZone, createdAt, settings, pending, steps, running, why);
    }

    /** The port the endpoint answers on: the real server's when one runs, the requested one otherwise. */
    int endpointPort() {
        return database != null ? database.port() : port;
    }
}
