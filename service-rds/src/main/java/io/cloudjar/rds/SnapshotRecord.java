package io.cloudjar.rds;

import java.nio.file.Path;
import java.time.Instant;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * A DB snapshot: what a restored instance starts from. {@code backup} is the real server's copy of its data
 * (null when no server ran behind the instance).
 */
record SnapshotRecord(String id, String arn, String type, String instanceId, String resourceId, String engine,
                      String engineVersion, int allocatedStorage, String storageType, int port,
                      String availabilityZone, String vpcId, String masterUsername, String masterPassword,
                      String dbName, Instant instanceCreatedAt, Instant createdAt, Steps steps, Path backup,
                      String sourceArn) {

    SnapshotRecord withBackup(Path copy) {
        return new SnapshotRecord(id, arn, type, instanceId, resourceId, engine, engineVersion, allocatedStorage,
                storageType, port, availabilityZone, vpcId, masterUsername, masterPassword, dbName, instanceCreatedAt,
                createdAt, steps, copy, sourceArn);
    }

    DBSnapshot toSdk(Instant now) {
        String status = steps.status(now);
        return DBSnapshot.builder().dbSnapshotIdentifier(id).dbSnapshotArn(arn).dbInstanceIdentifier(instanceId)
                .dbiResourceId(resourceId).snapshotCreateTime(createdAt).engine(engine).engineVersion(engineVersion)
                .allocatedStorage(allocatedStorage).storageType(storageType).status(status).port(port)
                .availabilityZone(availabilityZone).vpcId(vpcId).instanceCreateTime(instanceCreatedAt)
                .masterUsername(masterUsername).snapshotType(type).licenseModel(InstanceRules.licenseModel(engine))
                .percentProgress(status.equals("available") ? 100 : 0).encrypted(false)
                .iamDatabaseAuthenticationEnabled(false).sourceDBSnapshotIdentifier(sourceArn)
                .snapshotTarget("region").originalSnapshotCreateTime(createdAt)
                .build();
    }
}
