package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.rds.engine.RunningDatabase;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.FailoverDbClusterRequest;
import software.amazon.awssdk.services.rds.model.FailoverDbClusterResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbClusterRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbClusterResponse;
import software.amazon.awssdk.services.rds.model.StartDbClusterRequest;
import software.amazon.awssdk.services.rds.model.StartDbClusterResponse;
import software.amazon.awssdk.services.rds.model.StopDbClusterRequest;
import software.amazon.awssdk.services.rds.model.StopDbClusterResponse;

/** ModifyDBCluster, StartDBCluster, StopDBCluster and FailoverDBCluster: transitions on the emulator clock. */
public final class ClusterChangesProvider implements ServiceProvider {
    /** What ModifyDBCluster leaves for ApplyImmediately (AWS: the password and the name; the rest applies at once). */
    record Pending(String password, String newId) {
    }

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
     * Backup retention, deletion protection, security groups, the parameter group and the version apply at once;
     * the master password and a new identifier wait unless ApplyImmediately (which also applies what waited), as
     * AWS documents ApplyImmediately for clusters.
     */
    public ModifyDbClusterResponse modifyDBCluster(CallContext ctx, ModifyDbClusterRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        ClusterRecord changed;
        String passwordNow = null;
        synchronized (state.lock) {
            ClusterRecord cluster = Clusters.available(state, r.dbClusterIdentifier(), now);
            ClusterSettings s = cluster.settings();
            String version = r.engineVersion() == null ? s.engineVersion()
                    : InstanceRules.version(cluster.engine(), r.engineVersion()).version();
            if (!family(cluster.engine(), version).equals(family(cluster.engine(), s.engineVersion()))
                    && !Boolean.TRUE.equals(r.allowMajorVersionUpgrade())) {
                throw RdsErrors.invalidCombination("The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.");
            }
            int retention = r.backupRetentionPeriod() == null ? s.backupRetention() : ClusterLauncher.retention(r.backupRetentionPeriod());
            if (r.masterUserPassword() != null) {
                InstanceRules.masterPassword(r.masterUserPassword());
            }
            String newId = r.newDBClusterIdentifier() == null ? null
                    : Identifiers.identifier("NewDBClusterIdentifier", r.newDBClusterIdentifier());
            if (newId != null && !newId.equals(cluster.id()) && state.clusters.containsKey(newId)) {
                throw RdsErrors.clusterExists();
            }
            String group = r.dbClusterParameterGroupName() == null ? s.parameterGroupName()
                    : Clusters.parameterGroupFor(state, ctx, r.dbClusterParameterGroupName(), family(cluster.engine(), version));
            List<String> groups = s.securityGroupIds();
            if (r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty()) {
                InstanceNetworking networking = store.networking().orElse(null);
                groups = networking == null || cluster.vpcId() == null ? List.copyOf(r.vpcSecurityGroupIds())
                        : InstanceLauncher.securityGroups(ctx, networking, cluster.vpcId(), r.vpcSecurityGroupIds());
            }
            ServerlessScaling.keep(state, cluster.id(), ServerlessScaling.of(r.serverlessV2ScalingConfiguration())); // at once, as AWS
            Pending waiting = state.clusterPending.getOrDefault(cluster.id(), new Pending(null, null));
            Pending asked = new Pending(r.masterUserPassword() != null ? r.masterUserPassword() : waiting.password(),
                    newId != null ? newId : waiting.newId());
            boolean applyNow = Boolean.TRUE.equals(r.applyImmediately());
            String password = applyNow && asked.password() != null ? asked.password() : s.masterPassword();
            boolean protection = r.deletionProtection() != null ? r.deletionProtection() : s.deletionProtection();
            boolean copyTags = r.copyTagsToSnapshot() != null ? r.copyTagsToSnapshot() : s.copyTagsToSnapshot();
            ClusterSettings next = new ClusterSettings(version, retention, protection, group, groups, password, copyTags);
            boolean changes = !next.equals(s) || applyNow && asked.newId() != null;
            changed = cluster.withSettings(next, changes ? Steps.from(now, "modifying", store.timings().modifying(), "available") : cluster.steps());
            if (applyNow) {
                state.clusterPending.remove(cluster.id());
                passwordNow = asked.password();
            } else if (asked.password() != null || asked.newId() != null) {
                state.clusterPending.put(cluster.id(), asked);
            }
            state.clusters.put(cluster.id(), changed);
            if (applyNow && asked.newId() != null && !asked.newId().equals(cluster.id())) {
                changed = rename(ctx, state, changed, asked.newId());
            }
            if (passwordNow != null) { // every member instance shows the cluster's password
                for (InstanceRecord member : state.membersOf(changed.id(), now)) {
                    state.instances.put(member.id(), member.withSettings(member.settings().withPassword(passwordNow),
                            member.pending(), member.steps()));
                }
            }
            if (changes) {
                RdsEvents.whenSettled(state, changed, "configuration change", "Updated parameters for DB cluster.");
            }
        }
        if (passwordNow != null) { // the cluster's server takes it; its readers replicate it and reconnect with it
            changePassword(store.get(ctx.accountId(), ctx.region()), changed, passwordNow);
        }
        if (r.dbClusterParameterGroupName() != null) {
            EngineParameters.pushCluster(state, changed.settings().parameterGroupName());
        }
        return ModifyDbClusterResponse.builder().dbCluster(view(ctx, changed)).build();
    }

    private static void changePassword(RdsState state, ClusterRecord cluster, String password) {
        if (cluster.database() != null) {
            cluster.database().changePassword(cluster.masterUsername(), password);
        }
        for (InstanceRecord member : state.instances.values()) {
            if (cluster.id().equals(state.instanceClusters.get(member.id())) && member.database() != null
                    && member.database() != cluster.database()) {
                member.database().changePassword(cluster.masterUsername(), password);
            }
        }
    }

    /** A new name: the cluster's ARN, tags and members' links move with it; its server and data stay. */
    private static ClusterRecord rename(CallContext ctx, RdsState state, ClusterRecord cluster, String newId) {
        String arn = RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.CLUSTER, newId);
        ClusterRecord renamed = new ClusterRecord(newId, cluster.resourceId(), arn, cluster.engine(), cluster.masterUsername(),
                cluster.dbName(), cluster.port(), cluster.subnetGroupName(), cluster.vpcId(), cluster.availabilityZones(),
                cluster.storageEncrypted(), cluster.createdAt(), cluster.settings(), cluster.writerId(), cluster.steps(),
                cluster.database(), cluster.noEngine());
        state.clusters.remove(cluster.id());
        state.clusters.put(newId, renamed);
        Map<String, String> tags = state.tags.remove(cluster.arn());
        if (tags != null) {
            state.tags.put(arn, tags);
        }
        state.instanceClusters.replaceAll((instance, c) -> c.equals(cluster.id()) ? newId : c);
        ServerlessScaling.keep(state, newId, state.serverlessScaling.remove(cluster.id()));
        RdsEvents.cluster(state, renamed, ctx.receivedAt(), "configuration change", "Renamed DB cluster from " + cluster.id());
        return renamed;
    }

    public StopDbClusterResponse stopDBCluster(CallContext ctx, StopDbClusterRequest r) {
        List<RunningDatabase> servers = new ArrayList<>();
        ClusterRecord stopping = transition(ctx, r.dbClusterIdentifier(), "available", "stopping", store.timings().stopping(),
                "stopped", "DB cluster stopped", servers);
        for (int i = servers.size() - 1; i >= 0; i--) { // the readers first, then the cluster's own server
            servers.get(i).stop();
        }
        return StopDbClusterResponse.builder().dbCluster(view(ctx, stopping)).build();
    }

    public StartDbClusterResponse startDBCluster(CallContext ctx, StartDbClusterRequest r) {
        List<RunningDatabase> servers = new ArrayList<>();
        ClusterRecord starting = transition(ctx, r.dbClusterIdentifier(), "stopped", "starting", store.timings().starting(),
                "available", "DB cluster started", servers);
        for (RunningDatabase server : servers) { // the cluster's own server first, then the readers that follow it
            server.start();
        }
        return StartDbClusterResponse.builder().dbCluster(view(ctx, starting)).build();
    }

    /** The cluster and each member move together; {@code servers} gets the cluster's server, then the readers'. */
    private ClusterRecord transition(CallContext ctx, String id, String from, String through, java.time.Duration takes,
                                     String to, String event, List<RunningDatabase> servers) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        synchronized (state.lock) {
            ClusterRecord cluster = Clusters.find(state, id, now);
            if (!cluster.status(now).equals(from)) {
                throw RdsErrors.clusterState("DbCluster %s is in %s state but expected it to be one of %s.",
                        cluster.id(), cluster.status(now), from);
            }
            ClusterRecord next = cluster.withSteps(Steps.from(now, through, takes, to));
            state.clusters.put(cluster.id(), next);
            RdsEvents.whenSettled(state, next, "notification", event);
            if (cluster.database() != null) {
                servers.add(cluster.database());
            }
            for (InstanceRecord member : state.membersOf(cluster.id(), now)) {
                state.instances.put(member.id(), member.withSteps(Steps.from(now, through, takes, to)));
                if (member.database() != null && member.database() != cluster.database()) {
                    servers.add(member.database());
                }
            }
            return next;
        }
    }

    /** A reader becomes the writer: it takes over the cluster's server, and the former writer becomes a reader. */
    public FailoverDbClusterResponse failoverDBCluster(CallContext ctx, FailoverDbClusterRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        ClusterRecord next;
        synchronized (state.lock) {
            ClusterRecord cluster = Clusters.available(state, r.dbClusterIdentifier(), now);
            List<InstanceRecord> readers = state.membersOf(cluster.id(), now).stream()
                    .filter(i -> !i.id().equals(cluster.writerId()) && i.status(now).equals("available"))
                    .sorted(ClusterMembers.byPriority(state)).toList();
            InstanceRecord target;
            if (r.targetDBInstanceIdentifier() != null) {
                String wanted = r.targetDBInstanceIdentifier().toLowerCase(java.util.Locale.ROOT);
                target = readers.stream().filter(i -> i.id().equals(wanted)).findFirst().orElseThrow(() ->
                        RdsErrors.invalidValue("The target DB instance %s is not an available reader of DB cluster %s.",
                                r.targetDBInstanceIdentifier(), cluster.id()));
            } else if (readers.isEmpty()) {
                throw RdsErrors.clusterState("DB cluster %s has no available reader instance to fail over to.", cluster.id());
            } else {
                target = readers.get(0);
            }
            String formerWriter = cluster.writerId();
            Steps failing = Steps.from(now, "failing-over", store.timings().rebooting(), "available");
            next = ClusterMembers.failover(state, cluster.withSteps(failing), target, target.steps());
            RdsEvents.cluster(state, next, now, "failover", "Started cross AZ failover to DB instance: " + target.id());
            RdsEvents.whenSettled(state, next, "failover", "Completed failover to DB instance: " + target.id());
            if (formerWriter != null && state.instances.containsKey(formerWriter)) {
                InstanceRecord former = state.instances.get(formerWriter);
                state.instances.put(formerWriter, former.withSteps(Steps.from(now, "rebooting", store.timings().rebooting(), "available")));
            }
        }
        return FailoverDbClusterResponse.builder().dbCluster(view(ctx, next)).build();
    }

    private software.amazon.awssdk.services.rds.model.DBCluster view(CallContext ctx, ClusterRecord cluster) {
        return ClusterViews.toSdk(cluster, store.get(ctx.accountId(), ctx.region()), ctx.receivedAt(), store.readerEndpoints());
    }

    private static String family(String engine, String version) {
        return InstanceRules.version(engine, version).family();
    }
}
