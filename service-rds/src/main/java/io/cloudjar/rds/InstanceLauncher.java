package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.DatabaseSpec;
import io.cloudjar.rds.engine.RunningDatabase;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

/**
 * Creates instances (CreateDBInstance and the restores): checks everything before creating anything, places the
 * instance in its subnet group's VPC with its security groups, and starts its real server in the background.
 */
final class InstanceLauncher {
    private final RdsStore store;

    InstanceLauncher(RdsStore store) {
        this.store = store;
    }

    /** Where an instance sits: its subnet group (null: the default VPC), VPC, zone and security groups. */
    record Placement(String subnetGroupName, String vpcId, String availabilityZone, List<String> securityGroupIds,
                     boolean defaultVpc) {
    }

    InstanceRecord create(CallContext ctx, CreateDbInstanceRequest r) {
        if (r.dbClusterIdentifier() != null) {
            return ClusterMembers.create(store, this, ctx, r);
        }
        String id = Identifiers.identifier("DBInstanceIdentifier", r.dbInstanceIdentifier());
        String engine = InstanceRules.engine(r.engine());
        if (Aurora.is(engine)) {
            throw RdsErrors.invalidCombination("A DB instance of engine %s is a member of a DB cluster: set"
                    + " DBClusterIdentifier to a cluster's identifier (CreateDBCluster makes one).", engine);
        }
        EngineVersion version = InstanceRules.version(engine, r.engineVersion());
        InstanceRules.instanceClass(r.dbInstanceClass(), engine, version.version());
        String storageType = InstanceRules.storageType(r.storageType());
        InstanceRules.storage(engine, storageType, r.allocatedStorage());
        InstanceRules.masterUsername(r.masterUsername());
        InstanceRules.masterPassword(r.masterUserPassword());
        InstanceRules.dbName(r.dbName());
        int port = InstanceRules.port(r.port(), engine);
        int retention = InstanceRules.backupRetention(r.backupRetentionPeriod());
        boolean multiAz = Boolean.TRUE.equals(r.multiAZ());
        if (multiAz && r.availabilityZone() != null) {
            throw RdsErrors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ instances.");
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        String parameterGroup = parameterGroup(state, ctx, r.dbParameterGroupName(), version.family());
        String optionGroup = r.optionGroupName() == null ? null : optionGroup(state, ctx, r.optionGroupName(), engine, version);
        Placement placement = place(ctx, state, r.dbSubnetGroupName(), r.availabilityZone(), r.vpcSecurityGroupIds());
        boolean publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible() : placement.defaultVpc();
        InstanceSettings settings = new InstanceSettings(version.version(), r.dbInstanceClass(), r.allocatedStorage(),
                storageType, retention, multiAz, publiclyAccessible, Boolean.TRUE.equals(r.deletionProtection()),
                parameterGroup, placement.securityGroupIds(), r.masterUserPassword());
        String dbName = r.dbName() != null ? r.dbName() : null;
        InstanceRecord created = launch(ctx, state, id, engine, r.masterUsername(), dbName, port, placement, settings,
                RdsTags.of(r.tags()), null, null);
        if (optionGroup != null) {
            state.instanceOptionGroups.put(id, optionGroup);
        }
        return created;
    }

    /** Stores the new instance and starts its server: a fresh one, or one from a snapshot's {@code backup}. */
    InstanceRecord launch(CallContext ctx, RdsState state, String id, String engine, String masterUsername,
                          String dbName, int port, Placement placement, InstanceSettings settings,
                          java.util.Map<String, String> tags, Path backup, String snapshotId) {
        return launch(ctx, state, id, engine, masterUsername, dbName, port, placement, settings, tags, backup, snapshotId, null);
    }

    /**
     * A running server a new instance starts from: a read replica that follows it, an independent copy of it now, or
     * (an Aurora cluster's writer) that very server, shared with its cluster.
     */
    record FromServer(RunningDatabase server, boolean follow, boolean share) {
        FromServer(RunningDatabase server, boolean follow) {
            this(server, follow, false);
        }
    }

    /** As above; with {@code from}, a replica or copy of that server (no backup: the new server copies it itself). */
    InstanceRecord launch(CallContext ctx, RdsState state, String id, String engine, String masterUsername,
                          String dbName, int port, Placement placement, InstanceSettings settings,
                          java.util.Map<String, String> tags, Path backup, String snapshotId, FromServer from) {
        Instant now = ctx.receivedAt();
        String resourceId = "db-" + Ids.iam("", 26);
        InstanceRecord instance = new InstanceRecord(id, resourceId,
                RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.DB, id), engine, masterUsername, dbName, port,
                placement.subnetGroupName(), placement.vpcId(), placement.availabilityZone(), now, settings, null,
                Steps.from(now, "creating", store.timings().creating(), "backing-up", store.timings().backingUp(), "available"),
                null, null);
        synchronized (state.lock) {
            InstanceRecord existing = state.instances.get(id);
            if (existing != null && !existing.status(now).equals(Instances.DELETED)) {
                throw RdsErrors.instanceExists();
            }
            state.instances.put(id, instance);
            state.putTags(instance.arn(), tags);
            RdsEvents.created(state, instance, snapshotId);
        }
        InstanceRecord started = start(instance, backup, from);
        if (started.database() != null) {
            started.database().applyParameters(EngineParameters.forInstance(state, started));
        }
        state.instances.replace(id, instance, started);
        return started;
    }

    private InstanceRecord start(InstanceRecord instance, Path backup, FromServer from) {
        DatabaseServers databases = store.databases();
        String serverEngine = Aurora.serverEngine(instance.engine());
        Optional<DatabaseEngine> engine = databases.engine(serverEngine);
        if (engine.isEmpty()) {
            return instance.withDatabase(null, databases.whyNone(serverEngine));
        }
        if (from != null && from.share()) {
            return instance.withDatabase(from.server(), null);
        }
        if (from == null && Aurora.is(instance.engine())) { // a member of a cluster whose own server did not start
            return instance.withDatabase(null, "The DB cluster has no database server behind it.");
        }
        DatabaseSpec spec = new DatabaseSpec(instance.resourceId().toLowerCase(Locale.ROOT), instance.masterUsername(),
                instance.settings().masterPassword(), instance.dbName());
        if (from != null) {
            return instance.withDatabase(from.follow() ? databases.replica(engine.get(), spec, from.server())
                    : databases.copyOf(engine.get(), spec, from.server()), null);
        }
        if (backup == null && instance.settings().masterPassword() == null) {
            return instance.withDatabase(null, "The snapshot this instance was restored from holds no data.");
        }
        RunningDatabase database = backup == null ? databases.create(engine.get(), spec)
                : databases.restore(engine.get(), spec, backup);
        return instance.withDatabase(database, null);
    }

    /** A new instance's settings taken from a source instance's, with a request's overrides checked. */
    record Derived(EngineVersion version, String instanceClass, String storageType, int storage, boolean multiAz,
                   String parameterGroup) {
    }

    /** What a read replica or a point-in-time restore of {@code source} named {@code id} runs with. */
    static Derived derive(RdsState state, CallContext ctx, String id, InstanceRecord source, String instanceClass,
                          String storageType, Integer storage, Boolean multiAz, String zone, String parameterGroup) {
        InstanceSettings s = source.settings();
        InstanceRecord existing = state.instances.get(id);
        if (existing != null && !existing.status(ctx.receivedAt()).equals(Instances.DELETED)) {
            throw RdsErrors.instanceExists();
        }
        EngineVersion version = InstanceRules.version(source.engine(), s.engineVersion());
        String klass = instanceClass != null ? instanceClass : s.instanceClass();
        InstanceRules.instanceClass(klass, source.engine(), version.version());
        String type = storageType != null ? InstanceRules.storageType(storageType) : s.storageType();
        int size = storage != null ? storage : s.allocatedStorage();
        InstanceRules.storage(source.engine(), type, size);
        boolean multi = Boolean.TRUE.equals(multiAz);
        if (multi && zone != null) {
            throw RdsErrors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ instances.");
        }
        return new Derived(version, klass, type, size, multi, parameterGroup(state, ctx, parameterGroup, version.family()));
    }

    /** The named option group, which must be for the instance's engine and major version. */
    static String optionGroup(RdsState state, CallContext ctx, String name, String engine, EngineVersion version) {
        OptionGroupRecord group = OptionGroupsProvider.group(state, ctx, name);
        String major = version.shape().majorEngineVersion();
        if (!group.engine().equals(engine) || !group.majorVersion().equals(major)) {
            throw RdsErrors.invalidCombination("The option group %s is for %s %s; this instance is %s %s.",
                    group.name(), group.engine(), group.majorVersion(), engine, major);
        }
        return group.name();
    }

    /** The named group (created when it is a default one) or the family's default group. */
    static String parameterGroup(RdsState state, CallContext ctx, String requested, String family) {
        ParameterGroupRecord group = ParameterGroups.find(state, ctx, requested == null ? ParameterGroupRecord.defaultName(family) : requested);
        if (!group.family().equals(family)) {
            throw RdsErrors.invalidCombination("The parameter group %s with DBParameterGroupFamily %s can't be used for"
                    + " this instance. Use a parameter group with DBParameterGroupFamily %s.", group.name(), group.family(), family);
        }
        return group.name();
    }

    Placement place(CallContext ctx, RdsState state, String subnetGroupName, String zone, List<String> groupIds) {
        Optional<InstanceNetworking> networking = store.networking();
        String vpcId = null;
        String az = zone;
        String groupName = null;
        boolean defaultVpc = true;
        if (subnetGroupName != null && !subnetGroupName.equalsIgnoreCase("default")) {
            groupName = subnetGroupName.toLowerCase(Locale.ROOT);
            SubnetGroupRecord group = state.subnetGroups.get(groupName);
            if (group == null) {
                throw RdsErrors.subnetGroupNotFound(subnetGroupName);
            }
            vpcId = group.vpcId();
            defaultVpc = false;
            List<String> zones = group.subnets().stream().map(SubnetInfo::availabilityZone).distinct().sorted().toList();
            if (az != null && !zones.contains(az)) {
                throw RdsErrors.invalidCombination("No subnet of the DB subnet group %s is in Availability Zone %s.", subnetGroupName, az);
            }
            if (az == null) {
                az = zones.get(Math.floorMod(ctx.requestId().hashCode(), zones.size()));
            }
        } else if (networking.isPresent()) {
            try {
                SubnetInfo subnet = networking.get().defaultSubnet(Scope.of(ctx), zone);
                vpcId = subnet.vpcId();
                az = subnet.availabilityZone();
            } catch (AwsException e) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidVPCNetworkStateFault",
                        "The default VPC cannot hold the instance: %s", e.getMessage());
            }
        }
        if (az == null) {
            az = ctx.region() + "a";
        }
        List<String> securityGroups = List.of();
        if (vpcId != null && networking.isPresent()) {
            securityGroups = securityGroups(ctx, networking.get(), vpcId, groupIds);
        } else if (groupIds != null && !groupIds.isEmpty()) {
            securityGroups = List.copyOf(groupIds);
        }
        return new Placement(groupName, vpcId, az, securityGroups, defaultVpc);
    }

    /** The VPC's security groups by id (its default group when none is named), with RDS's errors. */
    static List<String> securityGroups(CallContext ctx, InstanceNetworking networking, String vpcId, List<String> ids) {
        try {
            return networking.securityGroups(Scope.of(ctx), vpcId, ids == null ? List.of() : ids, List.of()).stream()
                    .map(SecurityGroupInfo::groupId).toList();
        } catch (AwsException e) {
            if (!e.code().startsWith("InvalidGroup")) {
                throw RdsErrors.invalidCombination("The DB instance and EC2 security group are in different VPCs. %s", e.getMessage());
            }
            throw RdsErrors.invalidValue("Invalid security group: %s", e.getMessage());
        }
    }
}
