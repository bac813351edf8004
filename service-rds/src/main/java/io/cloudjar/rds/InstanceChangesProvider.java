package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.StartDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StartDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.StopDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StopDbInstanceResponse;

/** ModifyDBInstance, RebootDBInstance, StopDBInstance and StartDBInstance: transitions on the emulator clock. */
public final class InstanceChangesProvider implements ServiceProvider {
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    /**
     * Class, storage, engine version, Multi-AZ and backup retention wait for the maintenance window unless
     * ApplyImmediately (which also applies what was pending); protection, public access, security groups, the
     * parameter group and the master password change at once, as AWS documents for each.
     */
    public ModifyDbInstanceResponse modifyDBInstance(CallContext ctx, ModifyDbInstanceRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        InstanceRecord changed;
        synchronized (state.lock) {
            InstanceRecord instance = Instances.available(state, r.dbInstanceIdentifier(), now);
            InstanceSettings s = instance.settings();
            if (ClusterMembers.isMember(state, instance) && (r.masterUserPassword() != null || r.allocatedStorage() != null
                    || r.storageType() != null || r.backupRetentionPeriod() != null || r.engineVersion() != null)) {
                throw RdsErrors.invalidCombination("The specified DB instance is a member of a DB cluster. Modify the"
                        + " master user password, storage, backup retention and engine version of the DB cluster instead.");
            }
            InstanceSettings base = instance.pending() != null ? instance.pending() : s;
            String version = base.engineVersion();
            if (r.engineVersion() != null) {
                version = InstanceRules.version(instance.engine(), r.engineVersion()).version();
            }
            String instanceClass = r.dbInstanceClass() != null ? r.dbInstanceClass() : base.instanceClass();
            InstanceRules.instanceClass(instanceClass, instance.engine(), version);
            String storageType = r.storageType() != null ? InstanceRules.storageType(r.storageType()) : base.storageType();
            int storage = r.allocatedStorage() != null ? r.allocatedStorage() : base.allocatedStorage();
            if (!Aurora.is(instance.engine())) { // Aurora's storage is the cluster's, grown by itself
                InstanceRules.storage(instance.engine(), storageType, storage);
            }
            if (storage < s.allocatedStorage()) {
                throw RdsErrors.invalidValue("Invalid storage size for engine name %s and storage type %s: %d",
                        instance.engine(), storageType, storage);
            }
            int retention = r.backupRetentionPeriod() != null ? InstanceRules.backupRetention(r.backupRetentionPeriod()) : base.backupRetention();
            boolean multiAz = r.multiAZ() != null ? r.multiAZ() : base.multiAz();
            if (r.masterUserPassword() != null) {
                InstanceRules.masterPassword(r.masterUserPassword());
            }
            String parameterGroup = r.dbParameterGroupName() == null ? s.parameterGroupName()
                    : InstanceLauncher.parameterGroup(state, ctx, r.dbParameterGroupName(), family(instance.engine(), version));
            List<String> groups = s.securityGroupIds();
            if (r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty()) {
                InstanceNetworking networking = store.networking().orElse(null);
                groups = networking == null || instance.vpcId() == null ? List.copyOf(r.vpcSecurityGroupIds())
                        : InstanceLauncher.securityGroups(ctx, networking, instance.vpcId(), r.vpcSecurityGroupIds());
            }
            if (r.optionGroupName() != null) { // applied at once (RDS applies it at once when no option needs a restart)
                state.instanceOptionGroups.put(instance.id(), InstanceLauncher.optionGroup(state, ctx, r.optionGroupName(),
                        instance.engine(), InstanceRules.version(instance.engine(), version)));
            }
            String password = r.masterUserPassword() != null ? r.masterUserPassword() : s.masterPassword();
            boolean protection = r.deletionProtection() != null ? r.deletionProtection() : s.deletionProtection();
            boolean publicAccess = r.publiclyAccessible() != null ? r.publiclyAccessible() : s.publiclyAccessible();
            InstanceSettings later = new InstanceSettings(version, instanceClass, storage, storageType, retention,
                    multiAz, publicAccess, protection, parameterGroup, groups, password);
            InstanceSettings immediate = new InstanceSettings(s.engineVersion(), s.instanceClass(), s.allocatedStorage(),
                    s.storageType(), s.backupRetention(), s.multiAz(), publicAccess, protection, parameterGroup, groups, password);
            boolean applyNow = Boolean.TRUE.equals(r.applyImmediately());
            boolean waits = !later.equals(immediate);
            if (applyNow) {
                changed = instance.withSettings(later, null, waits
                        ? Steps.from(now, "modifying", store.timings().modifying(), "available") : instance.steps());
            } else {
                changed = instance.withSettings(immediate, waits ? later : null, instance.steps());
            }
            if (r.masterUserPassword() != null && changed.database() != null) {
                changed.database().changePassword(instance.masterUsername(), r.masterUserPassword());
                for (String replicaId : state.replicasOf(instance.id())) { // they connect to it with the new one now
                    InstanceRecord replica = state.instances.get(replicaId);
                    if (replica.database() != null) {
                        replica.database().changePassword(instance.masterUsername(), r.masterUserPassword());
                    }
                }
            }
            state.instances.put(instance.id(), changed);
            if (changed.database() != null && !parameterGroup.equals(s.parameterGroupName())) {
                changed.database().applyParameters(EngineParameters.forInstance(state, changed));
            }
        }
        return ModifyDbInstanceResponse.builder().dbInstance(InstanceViews.toSdk(changed, state, now)).build();
    }

    public RebootDbInstanceResponse rebootDBInstance(CallContext ctx, RebootDbInstanceRequest r) {
        if (Boolean.TRUE.equals(r.forceFailover())) {
            RdsState state = store.get(ctx.accountId(), ctx.region());
            if (!Instances.find(state, r.dbInstanceIdentifier(), ctx.receivedAt()).settings().multiAz()) {
                throw RdsErrors.invalidCombination("Cannot do a forced failover on a DB instance that is not configured as Multi-AZ.");
            }
        }
        InstanceRecord rebooting = transition(ctx, r.dbInstanceIdentifier(), "available", "rebooting", store.timings().rebooting(),
                "available", "availability", "DB instance restarted");
        if (rebooting.database() != null) {
            rebooting.database().stop();
            rebooting.database().start();
        }
        return RebootDbInstanceResponse.builder().dbInstance(view(ctx, rebooting)).build();
    }

    public StopDbInstanceResponse stopDBInstance(CallContext ctx, StopDbInstanceRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        InstanceRecord instance = Instances.find(state, r.dbInstanceIdentifier(), ctx.receivedAt());
        refuseClusterMember(state, instance);
        if (state.replicaSources.containsKey(instance.id())) { // AWS: neither a read replica nor its source stops
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState",
                    "DB Instance %s is a read replica and can't be stopped.", instance.id());
        }
        if (!state.replicasOf(instance.id()).isEmpty()) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState",
                    "DB Instance %s has read replicas and can't be stopped.", instance.id());
        }
        InstanceRecord stopping = transition(ctx, r.dbInstanceIdentifier(), "available", "stopping", store.timings().stopping(),
                "stopped", "notification", "DB instance stopped");
        if (stopping.database() != null) {
            stopping.database().stop();
        }
        return StopDbInstanceResponse.builder().dbInstance(view(ctx, stopping)).build();
    }

    public StartDbInstanceResponse startDBInstance(CallContext ctx, StartDbInstanceRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        refuseClusterMember(state, Instances.find(state, r.dbInstanceIdentifier(), ctx.receivedAt()));
        InstanceRecord starting = transition(ctx, r.dbInstanceIdentifier(), "stopped", "starting", store.timings().starting(),
                "available", "notification", "DB instance started");
        if (starting.database() != null) {
            starting.database().start();
        }
        return StartDbInstanceResponse.builder().dbInstance(view(ctx, starting)).build();
    }

    /** Aurora's instances stop and start with their cluster only. */
    private static void refuseClusterMember(RdsState state, InstanceRecord instance) {
        if (ClusterMembers.isMember(state, instance)) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState", "The DB instance %s is a member of"
                    + " DB cluster %s: stop or start the DB cluster instead.", instance.id(), state.instanceClusters.get(instance.id()));
        }
    }

    private InstanceRecord transition(CallContext ctx, String id, String from, String through, java.time.Duration takes,
                                      String to, String category, String event) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        synchronized (state.lock) {
            InstanceRecord instance = Instances.find(state, id, now);
            if (!instance.status(now).equals(from)) {
                throw RdsErrors.instanceState(instance.id(), from);
            }
            InstanceRecord next = instance.withSteps(Steps.from(now, through, takes, to));
            state.instances.put(instance.id(), next);
            RdsEvents.whenSettled(state, next, category, event);
            return next;
        }
    }

    private software.amazon.awssdk.services.rds.model.DBInstance view(CallContext ctx, InstanceRecord instance) {
        return InstanceViews.toSdk(instance, store.get(ctx.accountId(), ctx.region()), ctx.receivedAt());
    }

    private static String family(String engine, String version) {
        return EngineCatalog.all().stream().filter(v -> v.engine().equals(engine) && v.version().equals(version))
                .map(EngineVersion::family).findFirst().orElseThrow();
    }
}
