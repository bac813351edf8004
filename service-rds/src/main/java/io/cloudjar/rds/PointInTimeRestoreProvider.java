package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse;

/**
 * RestoreDBInstanceToPointInTime. To the latest restorable time: a new server from a copy of the source's data
 * taken now (at most five minutes newer than AWS's). To an earlier time: the newest automated snapshot taken at or
 * before it, since Cloudjar keeps no transaction logs to replay; the new instance's status info says so.
 */
public final class PointInTimeRestoreProvider implements ServiceProvider {
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
    }

    public RestoreDbInstanceToPointInTimeResponse restoreDBInstanceToPointInTime(CallContext ctx, RestoreDbInstanceToPointInTimeRequest r) {
        String id = Identifiers.identifier("TargetDBInstanceIdentifier", r.targetDBInstanceIdentifier());
        boolean latest = Boolean.TRUE.equals(r.useLatestRestorableTime());
        if (latest && r.restoreTime() != null) {
            throw RdsErrors.invalidCombination("Cannot specify both RestoreTime and UseLatestRestorableTime.");
        }
        if (!latest && r.restoreTime() == null) {
            throw RdsErrors.invalidCombination("Either RestoreTime or UseLatestRestorableTime must be specified.");
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        InstanceRecord source = source(state, r, now);
        if (ClusterMembers.isMember(state, source)) { // an Aurora instance's data is its cluster's
            throw AwsErrors.modeled("InvalidDBInstanceState", "The DB instance %s is a member of"
                    + " a DB cluster: its data is restored with the cluster (RestoreDBClusterFromSnapshot).", source.id());
        }
        InstanceSettings s = source.settings();
        if (s.backupRetention() == 0) {
            throw AwsErrors.modeled("PointInTimeRestoreNotEnabled",
                    "Point-in-time restore is not enabled for DB instance %s: its backup retention period is 0.", source.id());
        }
        Instant latestTime = InstanceViews.latestRestorableTime(source, now);
        Instant earliest = source.createdAt().isAfter(now.minus(Duration.ofDays(s.backupRetention())))
                ? source.createdAt() : now.minus(Duration.ofDays(s.backupRetention()));
        Instant restoreTime = latest ? latestTime : r.restoreTime();
        if (restoreTime.isAfter(latestTime) || restoreTime.isBefore(earliest)) {
            throw AwsErrors.modeled("InvalidRestoreFault", "The restore time %s is not within the restorable window of"
                    + " DB instance %s: %s to %s.", restoreTime, source.id(), earliest, latestTime);
        }
        InstanceLauncher.Derived d = InstanceLauncher.derive(state, ctx, id, source, r.dbInstanceClass(), r.storageType(),
                r.allocatedStorage(), r.multiAZ(), r.availabilityZone(), r.dbParameterGroupName());
        EngineVersion version = d.version();
        String instanceClass = d.instanceClass();
        String storageType = d.storageType();
        int storage = d.storage();
        boolean multiAz = d.multiAz();
        String parameterGroup = d.parameterGroup();
        InstanceLauncher.Placement placement = launcher.place(ctx, state,
                r.dbSubnetGroupName() != null ? r.dbSubnetGroupName() : source.subnetGroupName(), r.availabilityZone(),
                r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty() ? r.vpcSecurityGroupIds() : s.securityGroupIds());
        int port = r.port() != null ? InstanceRules.port(r.port(), source.engine()) : source.port();
        boolean publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible() : placement.defaultVpc();
        InstanceSettings settings = new InstanceSettings(version.version(), instanceClass, storage, storageType,
                r.backupRetentionPeriod() != null ? InstanceRules.backupRetention(r.backupRetentionPeriod()) : s.backupRetention(),
                multiAz, publiclyAccessible, Boolean.TRUE.equals(r.deletionProtection()), parameterGroup,
                placement.securityGroupIds(), s.masterPassword());

        RunningDatabase server = source.database();
        InstanceRecord restored;
        String note;
        if (latest && server != null && server.ready()) {
            restored = launcher.launch(ctx, state, id, source.engine(), source.masterUsername(), source.dbName(), port,
                    placement, settings, RdsTags.of(r.tags()), null, null, new InstanceLauncher.FromServer(server, false));
            note = "Restored from a copy of " + source.id() + " taken at " + now + " (its latest restorable time is " + latestTime + ").";
        } else {
            AutomatedSnapshots.materialize(store, state, now);
            Optional<SnapshotRecord> snapshot = state.snapshots.values().stream()
                    .filter(x -> AutomatedSnapshots.TYPE.equals(x.type()) && x.instanceId().equals(source.id()))
                    .filter(x -> !x.createdAt().isAfter(restoreTime) && x.backup() != null)
                    .max(Comparator.comparing(SnapshotRecord::createdAt));
            restored = launcher.launch(ctx, state, id, source.engine(), source.masterUsername(), source.dbName(), port,
                    placement, settings, RdsTags.of(r.tags()), snapshot.map(SnapshotRecord::backup).orElse(null),
                    snapshot.map(SnapshotRecord::id).orElse(null));
            note = snapshot.map(x -> "Restored to " + restoreTime + " from the automated snapshot " + x.id() + " taken at "
                            + x.createdAt() + ": Cloudjar keeps no transaction logs, so changes made between the two are not in it.")
                    .orElse("No automated snapshot with data was taken by " + restoreTime + ": this instance starts empty.");
        }
        state.restoreNotes.put(restored.resourceId(), note);
        RdsEvents.instance(state, restored, now, "creation", "Restored from DB instance " + source.id() + " to " + restoreTime);
        return RestoreDbInstanceToPointInTimeResponse.builder().dbInstance(InstanceViews.toSdk(restored, state, now)).build();
    }

    /** The source by identifier (or ARN) or by resource id. */
    private static InstanceRecord source(RdsState state, RestoreDbInstanceToPointInTimeRequest r, Instant now) {
        if (r.sourceDBInstanceIdentifier() != null) {
            String name = r.sourceDBInstanceIdentifier();
            return Instances.find(state, name.startsWith("arn:") ? name.substring(name.lastIndexOf(':') + 1) : name, now);
        }
        if (r.sourceDbiResourceId() != null) {
            return Instances.live(state, now).stream().filter(i -> i.resourceId().equals(r.sourceDbiResourceId())).findFirst()
                    .orElseThrow(() -> RdsErrors.instanceNotFound(r.sourceDbiResourceId()));
        }
        throw RdsErrors.invalidCombination("One of SourceDBInstanceIdentifier or SourceDbiResourceId must be specified.");
    }
}
