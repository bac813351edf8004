package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaResponse;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaResponse;

/**
 * CreateDBInstanceReadReplica and PromoteReadReplica. A replica is a real one: a server started from a copy of the
 * source's data that follows the source through the engine's own replication (PostgreSQL streaming replication,
 * MariaDB GTID replication), until promoted or its source is deleted (which promotes it, as RDS does).
 */
public final class ReplicasProvider implements ServiceProvider {
    private RdsStore store;
    private InstanceLauncher launcher;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
        launcher = new InstanceLauncher(store);
        // named by identifier or by ARN: authorized on its ARN either way
        context.addRuleResolver("rdsDbArn", RdsArns.byIdOrArn(RdsArns.DB));
    }

    public CreateDbInstanceReadReplicaResponse createDBInstanceReadReplica(CallContext ctx, CreateDbInstanceReadReplicaRequest r) {
        String id = Identifiers.identifier("DBInstanceIdentifier", r.dbInstanceIdentifier());
        if (r.sourceDBInstanceIdentifier() == null || r.sourceDBInstanceIdentifier().isBlank()) {
            throw RdsErrors.invalidValue("The parameter SourceDBInstanceIdentifier must be provided and must not be blank.");
        }
        String sourceName = r.sourceDBInstanceIdentifier();
        if (sourceName.startsWith("arn:")) {
            sourceName = sourceName.substring(sourceName.lastIndexOf(':') + 1);
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        InstanceRecord source = Instances.available(state, sourceName, now);
        InstanceSettings s = source.settings();
        if (ClusterMembers.isMember(state, source)) { // Aurora's readers are instances of the cluster
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState", "The DB instance %s is a member of"
                    + " a DB cluster: add a reader with CreateDBInstance and DBClusterIdentifier instead.", source.id());
        }
        if (s.backupRetention() == 0 && !state.replicaSources.containsKey(source.id())) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState", "Automated backups are not enabled"
                    + " for this database instance. To enable automated backups, use ModifyDBInstance to set the backup"
                    + " retention period to a non-zero value.");
        }
        InstanceLauncher.Derived d = InstanceLauncher.derive(state, ctx, id, source, r.dbInstanceClass(), r.storageType(),
                r.allocatedStorage(), r.multiAZ(), r.availabilityZone(), r.dbParameterGroupName());
        EngineVersion version = d.version();
        String instanceClass = d.instanceClass();
        String storageType = d.storageType();
        int storage = d.storage();
        boolean multiAz = d.multiAz();
        String parameterGroup = d.parameterGroup();
        String subnetGroup = r.dbSubnetGroupName() != null ? r.dbSubnetGroupName() : source.subnetGroupName();
        InstanceLauncher.Placement placement = launcher.place(ctx, state, subnetGroup, r.availabilityZone(),
                r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty() ? r.vpcSecurityGroupIds() : s.securityGroupIds());
        if (source.vpcId() != null && placement.vpcId() != null && !source.vpcId().equals(placement.vpcId())) {
            throw RdsErrors.invalidCombination("The DB subnet group %s is not in the VPC %s of the source DB instance %s.",
                    subnetGroup, source.vpcId(), source.id());
        }
        int port = r.port() != null ? InstanceRules.port(r.port(), source.engine()) : source.port();
        boolean publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible() : s.publiclyAccessible();
        InstanceSettings settings = new InstanceSettings(version.version(), instanceClass, storage, storageType, 0,
                multiAz, publiclyAccessible, Boolean.TRUE.equals(r.deletionProtection()), parameterGroup,
                placement.securityGroupIds(), s.masterPassword());
        RunningDatabase sourceServer = source.database();
        // the replica's server copies the source's data in its own background start: this call answers at once
        InstanceRecord replica = launcher.launch(ctx, state, id, source.engine(), source.masterUsername(), source.dbName(),
                port, placement, settings, RdsTags.of(r.tags()), null, null,
                sourceServer != null && sourceServer.failure().isEmpty() ? new InstanceLauncher.FromServer(sourceServer, true) : null);
        state.replicaSources.put(replica.id(), source.id());
        RdsEvents.instance(state, source, now, "read replica", "Replication for the Read Replica " + replica.id() + " started.");
        return CreateDbInstanceReadReplicaResponse.builder().dbInstance(InstanceViews.toSdk(replica, state, now)).build();
    }

    /** The replica stops following its source and takes writes; "modifying" on the clock, as AWS shows it. */
    public PromoteReadReplicaResponse promoteReadReplica(CallContext ctx, PromoteReadReplicaRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        InstanceRecord promoted;
        synchronized (state.lock) {
            InstanceRecord instance = Instances.find(state, r.dbInstanceIdentifier(), now);
            if (!state.replicaSources.containsKey(instance.id())) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState", "DB Instance is not a read replica.");
            }
            if (!instance.status(now).equals("available")) {
                throw RdsErrors.instanceState(instance.id(), "available");
            }
            int retention = r.backupRetentionPeriod() != null ? InstanceRules.backupRetention(r.backupRetentionPeriod()) : 1;
            InstanceSettings s = instance.settings();
            InstanceSettings settings = new InstanceSettings(s.engineVersion(), s.instanceClass(), s.allocatedStorage(),
                    s.storageType(), retention, s.multiAz(), s.publiclyAccessible(), s.deletionProtection(),
                    s.parameterGroupName(), s.securityGroupIds(), s.masterPassword());
            promoted = instance.withSettings(settings, instance.pending(),
                    Steps.from(now, "modifying", store.timings().modifying(), "available"));
            state.instances.put(instance.id(), promoted);
            state.replicaSources.remove(instance.id());
            RdsEvents.whenSettled(state, promoted, "read replica", "Promoted Read Replica to a stand-alone database instance.");
        }
        if (promoted.database() != null) {
            promoted.database().promote();
        }
        return PromoteReadReplicaResponse.builder().dbInstance(InstanceViews.toSdk(promoted, state, now)).build();
    }

    /** When a source is deleted its replicas become stand-alone instances, as RDS promotes them. */
    static void promoteReplicasOf(RdsState state, String sourceId) {
        for (String replicaId : state.replicasOf(sourceId)) {
            state.replicaSources.remove(replicaId);
            InstanceRecord replica = state.instances.get(replicaId);
            if (replica != null && replica.database() != null) {
                try {
                    replica.database().promote();
                } catch (UnsupportedOperationException alreadyPromoted) {
                    // nothing to do
                }
            }
        }
    }
}
