package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.CreateDbClusterParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbClusterParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.DBClusterParameterGroup;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterParameterGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterParameterGroupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterParametersResponse;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultClusterParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultClusterParametersResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbClusterParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbClusterParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.ResetDbClusterParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ResetDbClusterParameterGroupResponse;

/**
 * DB cluster parameter groups of the Aurora families over their real cluster-level defaults
 * ({@link DefaultParameters#ofCluster}); their values reach the cluster's servers as DB parameter groups' do.
 */
public final class ClusterParameterGroupsProvider implements ServiceProvider {
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public CreateDbClusterParameterGroupResponse createDBClusterParameterGroup(CallContext ctx,
                                                                               CreateDbClusterParameterGroupRequest r) {
        String name = Identifiers.identifier("DBClusterParameterGroupName", r.dbClusterParameterGroupName());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        ParameterGroupRecord group = ParameterGroups.create(ctx, state, state.clusterParameterGroups,
                RdsArns.CLUSTER_PARAMETER_GROUP, DefaultParameters::isClusterFamily, name, r.dbParameterGroupFamily(),
                r.description(), r.tags());
        return CreateDbClusterParameterGroupResponse.builder().dbClusterParameterGroup(toSdk(group)).build();
    }

    public DescribeDbClusterParameterGroupsResponse describeDBClusterParameterGroups(CallContext ctx,
                                                                                     DescribeDbClusterParameterGroupsRequest r) {
        int maxRecords = RdsRequests.maxRecords(r.maxRecords());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        List<ParameterGroupRecord> matching = r.dbClusterParameterGroupName() != null
                ? List.of(Clusters.parameterGroup(state, ctx, r.dbClusterParameterGroupName()))
                : state.clusterParameterGroups.values().stream().sorted(Comparator.comparing(ParameterGroupRecord::name)).toList();
        Pages.Page<ParameterGroupRecord> page = Pages.page(matching, ParameterGroupRecord::name, maxRecords, r.marker());
        return DescribeDbClusterParameterGroupsResponse.builder()
                .dbClusterParameterGroups(page.items().stream().map(ClusterParameterGroupsProvider::toSdk).toList())
                .marker(page.nextToken()).build();
    }

    public DescribeDbClusterParametersResponse describeDBClusterParameters(CallContext ctx, DescribeDbClusterParametersRequest r) {
        ParameterGroupRecord group = Clusters.parameterGroup(store.get(ctx.accountId(), ctx.region()), ctx, r.dbClusterParameterGroupName());
        Pages.Page<Parameter> page = ParameterGroups.page(group.parameters(DefaultParameters.ofCluster(group.family())),
                r.source(), r.maxRecords(), r.marker());
        return DescribeDbClusterParametersResponse.builder().parameters(page.items()).marker(page.nextToken()).build();
    }

    public DescribeEngineDefaultClusterParametersResponse describeEngineDefaultClusterParameters(
            CallContext ctx, DescribeEngineDefaultClusterParametersRequest r) {
        RdsRequests.maxRecords(r.maxRecords());
        if (!DefaultParameters.isClusterFamily(r.dbParameterGroupFamily())) {
            throw RdsErrors.invalidValue("ParameterGroupFamily %s is not a valid parameter group family", r.dbParameterGroupFamily());
        }
        String family = r.dbParameterGroupFamily().toLowerCase(Locale.ROOT);
        return DescribeEngineDefaultClusterParametersResponse.builder().engineDefaults(ParameterGroups.engineDefaults(family,
                DefaultParameters.ofCluster(family), r.maxRecords(), r.marker())).build();
    }

    public ModifyDbClusterParameterGroupResponse modifyDBClusterParameterGroup(CallContext ctx, ModifyDbClusterParameterGroupRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = Clusters.parameterGroup(state, ctx, r.dbClusterParameterGroupName());
            ParameterGroups.refuseDefault(group);
            replace(state, group, ParameterGroups.withChanges(group, DefaultParameters.ofCluster(group.family()), r.parameters()));
            return ModifyDbClusterParameterGroupResponse.builder().dbClusterParameterGroupName(group.name()).build();
        }
    }

    public ResetDbClusterParameterGroupResponse resetDBClusterParameterGroup(CallContext ctx, ResetDbClusterParameterGroupRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = Clusters.parameterGroup(state, ctx, r.dbClusterParameterGroupName());
            ParameterGroups.refuseDefault(group);
            replace(state, group, ParameterGroups.withReset(group, DefaultParameters.ofCluster(group.family()),
                    r.resetAllParameters(), r.parameters()));
            return ResetDbClusterParameterGroupResponse.builder().dbClusterParameterGroupName(group.name()).build();
        }
    }

    public DeleteDbClusterParameterGroupResponse deleteDBClusterParameterGroup(CallContext ctx, DeleteDbClusterParameterGroupRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = Clusters.parameterGroup(state, ctx, r.dbClusterParameterGroupName());
            if (group.isDefault()) {
                throw AwsErrors.modeled("InvalidDBParameterGroupState", "Default DBClusterParameterGroup cannot be deleted: %s", group.name());
            }
            if (Clusters.live(state, ctx.receivedAt()).stream().anyMatch(c -> group.name().equals(c.settings().parameterGroupName()))) {
                throw AwsErrors.modeled("InvalidDBParameterGroupState", "One or more DB clusters are still members of"
                        + " this parameter group %s, so the group cannot be deleted", group.name());
            }
            state.clusterParameterGroups.remove(group.name());
            state.tags.remove(group.arn());
        }
        return DeleteDbClusterParameterGroupResponse.builder().build();
    }

    private static void replace(RdsState state, ParameterGroupRecord group, Map<String, ParameterGroupRecord.UserValue> values) {
        state.clusterParameterGroups.put(group.name(), new ParameterGroupRecord(group.name(), group.family(),
                group.description(), group.arn(), values));
        EngineParameters.pushCluster(state, group.name());
    }

    private static DBClusterParameterGroup toSdk(ParameterGroupRecord g) {
        return DBClusterParameterGroup.builder().dbClusterParameterGroupName(g.name()).dbParameterGroupFamily(g.family())
                .description(g.description()).dbClusterParameterGroupArn(g.arn()).build();
    }
}
