package io.cloudjar.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;
import software.amazon.awssdk.services.rds.model.DBParameterGroupStatus;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.OptionGroupMembership;
import software.amazon.awssdk.services.rds.model.PendingModifiedValues;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/** A DB instance as DescribeDBInstances shows it. */
final class InstanceViews {
    /** The hosted zone RDS endpoints of us-east-1 live in; the address itself is a local one. */
    private static final String HOSTED_ZONE = "Z2R2ITUGPM61AM";
    static final String ENDPOINT_ADDRESS = "localhost";

    private InstanceViews() {
    }

    static DBInstance toSdk(InstanceRecord i, RdsState state, Instant now) {
        InstanceSettings s = i.settings();
        String status = i.status(now);
        String major = EngineCatalog.all().stream().filter(v -> v.engine().equals(i.engine())
                && v.version().equals(s.engineVersion())).map(v -> v.shape().majorEngineVersion()).findFirst().orElse(s.engineVersion());
        DBInstance.Builder b = DBInstance.builder()
                .dbInstanceIdentifier(i.id()).dbInstanceClass(s.instanceClass()).engine(i.engine())
                .engineVersion(s.engineVersion()).dbInstanceStatus(status).masterUsername(i.masterUsername())
                .dbName(i.dbName()).allocatedStorage(s.allocatedStorage()).storageType(s.storageType())
                .preferredBackupWindow("03:00-03:30").preferredMaintenanceWindow("sun:05:00-sun:05:30")
                .backupRetentionPeriod(s.backupRetention()).multiAZ(s.multiAz())
                .publiclyAccessible(s.publiclyAccessible()).deletionProtection(s.deletionProtection())
                .availabilityZone(i.availabilityZone()).autoMinorVersionUpgrade(true)
                .licenseModel(InstanceRules.licenseModel(i.engine())).dbInstancePort(0).storageEncrypted(false)
                .dbiResourceId(i.resourceId()).dbInstanceArn(i.arn()).caCertificateIdentifier("rds-ca-rsa2048-g1")
                .copyTagsToSnapshot(false).iamDatabaseAuthenticationEnabled(false).networkType("IPV4")
                .readReplicaDBInstanceIdentifiers(state.replicasOf(i.id())).backupTarget("region")
                .readReplicaSourceDBInstanceIdentifier(state.replicaSources.get(i.id()))
                .dbClusterIdentifier(state.instanceClusters.get(i.id()))
                .promotionTier(state.instanceClusters.containsKey(i.id()) ? state.promotionTiers.getOrDefault(i.id(), 1) : null)
                .dbParameterGroups(DBParameterGroupStatus.builder().dbParameterGroupName(s.parameterGroupName())
                        .parameterApplyStatus("in-sync").build())
                .optionGroupMemberships(OptionGroupMembership.builder()
                        .optionGroupName(OptionGroupsProvider.optionGroupOf(state, i)).status("in-sync").build())
                .vpcSecurityGroups(s.securityGroupIds().stream().map(g -> VpcSecurityGroupMembership.builder()
                        .vpcSecurityGroupId(g).status("active").build()).toList())
                .tagList(RdsTags.toSdk(state.tagsOf(i.arn())));
        if (!status.equals("creating")) {
            b.endpoint(Endpoint.builder().address(ENDPOINT_ADDRESS).port(i.endpointPort()).hostedZoneId(HOSTED_ZONE).build())
                    .instanceCreateTime(i.createdAt());
            if (s.backupRetention() > 0) {
                b.latestRestorableTime(latestRestorableTime(i, now));
            }
        }
        if (i.subnetGroupName() != null && state.subnetGroups.containsKey(i.subnetGroupName())) {
            b.dbSubnetGroup(state.subnetGroups.get(i.subnetGroupName()).toSdk());
        }
        b.pendingModifiedValues(pending(i));
        List<DBInstanceStatusInfo> infos = new ArrayList<>();
        if (i.noEngine() != null) {
            infos.add(DBInstanceStatusInfo.builder().statusType("engine").normal(false).status("no-database-server")
                    .message(i.noEngine()).build());
        }
        if (i.database() != null && i.database().ready()) {
            // never pretend: say when the server behind the endpoint is another major version than the instance's
            String wanted = major;
            // and when another product serves it (MariaDB behind mysql)
            String product = i.database().serverProduct();
            boolean otherProduct = !product.equalsIgnoreCase(i.engine()) && !(product.equals("PostgreSQL") && i.engine().equals("postgres"));
            i.database().serverMajorVersion().filter(v -> otherProduct || !v.equals(wanted)).ifPresent(v -> infos.add(DBInstanceStatusInfo
                    .builder().statusType("engine").normal(true).status("engine-version")
                    .message("A " + product + " " + v + " server (the one this machine runs) serves this "
                            + i.engine() + " " + s.engineVersion() + " instance.").build()));
        }
        String note = state.restoreNotes.get(i.resourceId());
        if (note != null) {
            infos.add(DBInstanceStatusInfo.builder().statusType("restore").normal(true).status("restored").message(note).build());
        }
        if (state.replicaSources.containsKey(i.id()) && i.database() != null) {
            boolean failed = i.database().failure().isPresent();
            infos.add(DBInstanceStatusInfo.builder().statusType("read replication").normal(!failed)
                    .status(failed ? "error" : "replicating").build());
        }
        if (i.database() != null && i.database().failure().isPresent()) {
            infos.add(DBInstanceStatusInfo.builder().statusType("engine").normal(false).status("failed")
                    .message(i.database().failure().get()).build());
        }
        if (!infos.isEmpty()) {
            b.statusInfos(infos);
        }
        return b.build();
    }

    /** As RDS: about five minutes behind now (its transaction logs are uploaded every five minutes), never before creation. */
    static Instant latestRestorableTime(InstanceRecord i, Instant now) {
        return now.minusSeconds(300).isBefore(i.createdAt()) ? i.createdAt() : now.minusSeconds(300);
    }

    /** What waits for the maintenance window: the pending settings that differ from the current ones. */
    private static PendingModifiedValues pending(InstanceRecord i) {
        InstanceSettings now = i.settings();
        InstanceSettings later = i.pending();
        PendingModifiedValues.Builder p = PendingModifiedValues.builder();
        if (later == null) {
            return p.build();
        }
        if (!later.instanceClass().equals(now.instanceClass())) {
            p.dbInstanceClass(later.instanceClass());
        }
        if (later.allocatedStorage() != now.allocatedStorage()) {
            p.allocatedStorage(later.allocatedStorage());
        }
        if (!later.storageType().equals(now.storageType())) {
            p.storageType(later.storageType());
        }
        if (!later.engineVersion().equals(now.engineVersion())) {
            p.engineVersion(later.engineVersion());
        }
        if (later.multiAz() != now.multiAz()) {
            p.multiAZ(later.multiAz());
        }
        if (later.backupRetention() != now.backupRetention()) {
            p.backupRetentionPeriod(later.backupRetention());
        }
        return p.build();
    }
}
