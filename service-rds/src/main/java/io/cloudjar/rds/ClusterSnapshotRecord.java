package io.cloudjar.rds;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * A DB cluster snapshot: what a restored cluster starts from. {@code backup} is the copy of the cluster's server's
 * data (null when no server ran behind the cluster).
 */
record ClusterSnapshotRecord(String id, String arn, String type, String clusterId, String clusterResourceId,
                             String engine, String engineVersion, int port, String vpcId, List<String> availabilityZones,
                             String masterUsername, String masterPassword, String dbName, boolean storageEncrypted,
                             Instant clusterCreatedAt, Instant createdAt, Steps steps, Path backup, String sourceArn) {

    ClusterSnapshotRecord withBackup(Path copy) {
        return new ClusterSnapshotRecord(id, arn, type, clusterId, clusterResourceId, engine, engineVersion, port, vpcId,
                availabilityZones, masterUsername, masterPassword, dbName, storageEncrypted, clusterCreatedAt, createdAt,
                steps, copy, sourceArn);
    }

    /** The same snapshot under another name (CopyDBClusterSnapshot): it shares the data copy. */
    ClusterSnapshotRecord copyAs(String newId, String newArn, Instant now, Steps newSteps) {
        return new ClusterSnapshotRecord(newId, newArn, "manual", clusterId, clusterResourceId, engine, engineVersion, port,
                vpcId, availabilityZones, masterUsername, masterPassword, dbName, storageEncrypted, clusterCreatedAt, now,
                newSteps, backup, arn);
    }

    DBClusterSnapshot toSdk(Instant now, String status) {
        return DBClusterSnapshot.builder().dbClusterSnapshotIdentifier(id).dbClusterSnapshotArn(arn)
                .dbClusterIdentifier(clusterId).dbClusterResourceId(clusterResourceId).snapshotCreateTime(createdAt)
                .engine(engine).engineVersion(engineVersion).engineMode("provisioned").allocatedStorage(0)
                .status(status).port(port).vpcId(vpcId).availabilityZones(availabilityZones)
                .clusterCreateTime(clusterCreatedAt).masterUsername(masterUsername).snapshotType(type)
                .licenseModel(InstanceRules.licenseModel(engine)).percentProgress(status.equals("available") ? 100 : 0)
                .storageEncrypted(storageEncrypted).iamDatabaseAuthenticationEnabled(false)
                .sourceDBClusterSnapshotArn(sourceArn).storageType("aurora")
                .build();
    }
}
