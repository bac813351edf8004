package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbParameterGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParameterGroupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersResponse;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupResponse;

/** DB parameter groups and their parameters over each family's real defaults ({@link DefaultParameters}). */
public final class ParameterGroupsProvider implements ServiceProvider {
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public CreateDbParameterGroupResponse createDBParameterGroup(CallContext ctx, CreateDbParameterGroupRequest request) {
        String name = Identifiers.identifier("DBParameterGroupName", request.dbParameterGroupName());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        ParameterGroupRecord group = ParameterGroups.create(ctx, state, state.parameterGroups, RdsArns.PARAMETER_GROUP,
                DefaultParameters::isFamily, name, request.dbParameterGroupFamily(), request.description(), request.tags());
        return CreateDbParameterGroupResponse.builder().dbParameterGroup(group.toSdk()).build();
    }

    public DescribeDbParameterGroupsResponse describeDBParameterGroups(CallContext ctx, DescribeDbParameterGroupsRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        List<ParameterGroupRecord> matching = request.dbParameterGroupName() != null
                ? List.of(ParameterGroups.find(state, ctx, request.dbParameterGroupName()))
                : state.parameterGroups.values().stream().sorted(Comparator.comparing(ParameterGroupRecord::name)).toList();
        Pages.Page<ParameterGroupRecord> page = Pages.page(matching, ParameterGroupRecord::name, maxRecords, request.marker());
        return DescribeDbParameterGroupsResponse.builder()
                .dbParameterGroups(page.items().stream().map(ParameterGroupRecord::toSdk).toList())
                .marker(page.nextToken()).build();
    }

    public DescribeDbParametersResponse describeDBParameters(CallContext ctx, DescribeDbParametersRequest request) {
        ParameterGroupRecord group = ParameterGroups.find(store.get(ctx.accountId(), ctx.region()), ctx, request.dbParameterGroupName());
        Pages.Page<Parameter> page = ParameterGroups.page(group.parameters(), request.source(), request.maxRecords(), request.marker());
        return DescribeDbParametersResponse.builder().parameters(page.items()).marker(page.nextToken()).build();
    }

    public DescribeEngineDefaultParametersResponse describeEngineDefaultParameters(CallContext ctx,
                                                                                   DescribeEngineDefaultParametersRequest request) {
        RdsRequests.maxRecords(request.maxRecords());
        if (!DefaultParameters.isFamily(request.dbParameterGroupFamily())) {
            throw RdsErrors.invalidValue("ParameterGroupFamily %s is not a valid parameter group family",
                    request.dbParameterGroupFamily());
        }
        String family = request.dbParameterGroupFamily().toLowerCase(Locale.ROOT);
        return DescribeEngineDefaultParametersResponse.builder().engineDefaults(ParameterGroups.engineDefaults(family,
                DefaultParameters.of(family), request.maxRecords(), request.marker())).build();
    }

    public ModifyDbParameterGroupResponse modifyDBParameterGroup(CallContext ctx, ModifyDbParameterGroupRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = ParameterGroups.find(state, ctx, request.dbParameterGroupName());
            ParameterGroups.refuseDefault(group);
            Map<String, ParameterGroupRecord.UserValue> values = ParameterGroups.withChanges(group,
                    DefaultParameters.of(group.family()), request.parameters());
            state.parameterGroups.put(group.name(), new ParameterGroupRecord(group.name(), group.family(),
                    group.description(), group.arn(), values));
            EngineParameters.push(state, group.name());
            return ModifyDbParameterGroupResponse.builder().dbParameterGroupName(group.name()).build();
        }
    }

    public ResetDbParameterGroupResponse resetDBParameterGroup(CallContext ctx, ResetDbParameterGroupRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = ParameterGroups.find(state, ctx, request.dbParameterGroupName());
            ParameterGroups.refuseDefault(group);
            Map<String, ParameterGroupRecord.UserValue> values = ParameterGroups.withReset(group,
                    DefaultParameters.of(group.family()), request.resetAllParameters(), request.parameters());
            state.parameterGroups.put(group.name(), new ParameterGroupRecord(group.name(), group.family(),
                    group.description(), group.arn(), values));
            EngineParameters.push(state, group.name());
            return ResetDbParameterGroupResponse.builder().dbParameterGroupName(group.name()).build();
        }
    }

    public DeleteDbParameterGroupResponse deleteDBParameterGroup(CallContext ctx, DeleteDbParameterGroupRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            ParameterGroupRecord group = ParameterGroups.find(state, ctx, request.dbParameterGroupName());
            if (group.isDefault()) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBParameterGroupState",
                        "Default DBParameterGroup cannot be deleted: %s", group.name());
            }
            if (Instances.live(state, ctx.receivedAt()).stream().anyMatch(i -> group.name().equals(i.settings().parameterGroupName()))) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBParameterGroupState", "One or more database"
                        + " instances are still members of this parameter group %s, so the group cannot be deleted", group.name());
            }
            state.parameterGroups.remove(group.name());
            state.tags.remove(group.arn());
        }
        return DeleteDbParameterGroupResponse.builder().build();
    }
}
