package io.cloudjar.rds;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.rds.model.ClusterPendingModifiedValues;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterEndpoint;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * A DB cluster as DescribeDBClusters shows it. The endpoints are local ones that connect: the cluster (writer)
 * endpoint is {@code localhost} on the cluster's server's port, the reader endpoint {@link ReaderEndpoints#ADDRESS} on
 * that same port, as AWS gives both endpoints one port.
 */
final class ClusterViews {
    private static final String HOSTED_ZONE = "Z2R2ITUGPM61AM";

    private ClusterViews() {
    }

    static DBCluster toSdk(ClusterRecord c, RdsState state, Instant now, ReaderEndpoints readers) {
        ClusterSettings s = c.settings();
        String status = c.status(now);
        if (status.equals("available")) {
            readers.ensure(state, c);
        }
        List<InstanceRecord> members = state.membersOf(c.id(), now);
        ClusterPendingModifiedValues.Builder pending = ClusterPendingModifiedValues.builder();
        ClusterChangesProvider.Pending waiting = state.clusterPending.get(c.id());
        if (waiting != null) {
            pending.masterUserPassword(waiting.password() == null ? null : "****").dbClusterIdentifier(waiting.newId());
        }
        return DBCluster.builder()
                .dbClusterIdentifier(c.id()).dbClusterArn(c.arn()).dbClusterResourceId(c.resourceId())
                .engine(c.engine()).engineVersion(s.engineVersion()).engineMode("provisioned").status(status)
                .masterUsername(c.masterUsername()).databaseName(c.dbName()).port(c.endpointPort())
                .endpoint(InstanceViews.ENDPOINT_ADDRESS).readerEndpoint(ReaderEndpoints.ADDRESS)
                .hostedZoneId(HOSTED_ZONE).multiAZ(members.size() > 1).availabilityZones(c.availabilityZones())
                .dbSubnetGroup(c.subnetGroupName() == null ? "default" : c.subnetGroupName())
                .vpcSecurityGroups(s.securityGroupIds().stream().map(g -> VpcSecurityGroupMembership.builder()
                        .vpcSecurityGroupId(g).status("active").build()).toList())
                .dbClusterParameterGroup(s.parameterGroupName())
                .dbClusterMembers(members.stream().map(i -> DBClusterMember.builder().dbInstanceIdentifier(i.id())
                        .isClusterWriter(i.id().equals(c.writerId())).dbClusterParameterGroupStatus("in-sync")
                        .promotionTier(state.promotionTiers.getOrDefault(i.id(), 1)).build()).toList())
                .backupRetentionPeriod(s.backupRetention()).preferredBackupWindow("03:00-03:30")
                .preferredMaintenanceWindow("sun:05:00-sun:05:30").clusterCreateTime(c.createdAt())
                .earliestRestorableTime(c.createdAt())
                .latestRestorableTime(now.minusSeconds(300).isBefore(c.createdAt()) ? c.createdAt() : now.minusSeconds(300))
                .storageEncrypted(c.storageEncrypted())
                .kmsKeyId(c.storageEncrypted() ? "arn:aws:kms:" + regionOf(c.arn()) + ":" + accountOf(c.arn()) + ":alias/aws/rds" : null)
                .deletionProtection(s.deletionProtection()).copyTagsToSnapshot(s.copyTagsToSnapshot())
                .allocatedStorage(1).storageType("aurora").iamDatabaseAuthenticationEnabled(false)
                .httpEndpointEnabled(false).crossAccountClone(false).networkType("IPV4").autoMinorVersionUpgrade(true)
                .associatedRoles(List.of()).readReplicaIdentifiers(List.of()).domainMemberships(List.of())
                .pendingModifiedValues(waiting == null ? null : pending.build())
                .serverlessV2ScalingConfiguration(state.serverlessScaling.get(c.id()))
                .tagList(RdsTags.toSdk(state.tagsOf(c.arn())))
                .build();
    }

    /** The cluster's two built-in endpoints, as DescribeDBClusterEndpoints lists them. */
    static List<DBClusterEndpoint> endpoints(ClusterRecord c, Instant now) {
        String status = c.status(now).equals("available") ? "available" : "creating";
        return List.of(
                DBClusterEndpoint.builder().dbClusterIdentifier(c.id()).dbClusterEndpointResourceIdentifier(c.resourceId() + "-writer")
                        .endpoint(InstanceViews.ENDPOINT_ADDRESS).status(status).endpointType("WRITER").build(),
                DBClusterEndpoint.builder().dbClusterIdentifier(c.id()).dbClusterEndpointResourceIdentifier(c.resourceId() + "-reader")
                        .endpoint(ReaderEndpoints.ADDRESS).status(status).endpointType("READER").build());
    }

    private static String regionOf(String arn) {
        return arn.split(":")[3];
    }

    private static String accountOf(String arn) {
        return arn.split(":")[4];
    }
}
