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
import software.amazon.awssdk.services.rds.model.EngineDefaults;
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
        if (request.dbParameterGroupFamily() == null || request.description() == null) {
            throw RdsErrors.invalidValue("The parameters DBParameterGroupFamily and Description must be provided.");
        }
        if (!DefaultParameters.isFamily(request.dbParameterGroupFamily())) {
            throw RdsErrors.invalidValue("ParameterGroupFamily %s is not a valid parameter group family",
                    request.dbParameterGroupFamily());
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        ParameterGroupRecord group = new ParameterGroupRecord(name, request.dbParameterGroupFamily().toLowerCase(Locale.ROOT),
                request.description(), RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.PARAMETER_GROUP, name), Map.of());
        synchronized (state.lock) {
            if (state.parameterGroups.containsKey(name)) {
                throw RdsErrors.parameterGroupExists(name);
            }
            state.parameterGroups.put(name, group);
            state.putTags(group.arn(), RdsTags.of(request.tags()));
        }
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
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        ParameterGroupRecord group = ParameterGroups.find(store.get(ctx.accountId(), ctx.region()), ctx, request.dbParameterGroupName());
        String source = request.source();
        if (source != null && !List.of("user", "system", "engine-default").contains(source)) {
            throw RdsErrors.invalidValue("Invalid source: %s. Valid values are: user, system, engine-default", source);
        }
        List<Parameter> matching = group.parameters().stream()
                .filter(p -> source == null || source.equals(p.source())).toList();
        Pages.Page<Parameter> page = Pages.page(matching, Parameter::parameterName, maxRecords, request.marker());
        return DescribeDbParametersResponse.builder().parameters(page.items()).marker(page.nextToken()).build();
    }

    public DescribeEngineDefaultParametersResponse describeEngineDefaultParameters(CallContext ctx,
                                                                                   DescribeEngineDefaultParametersRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        if (!DefaultParameters.isFamily(request.dbParameterGroupFamily())) {
            throw RdsErrors.invalidValue("ParameterGroupFamily %s is not a valid parameter group family",
                    request.dbParameterGroupFamily());
        }
        String family = request.dbParameterGroupFamily().toLowerCase(Locale.ROOT);
        List<Parameter> all = DefaultParameters.of(family).stream()
                .map(d -> ParameterGroupRecord.toSdk(d, d.value(), "engine-default", "pending-reboot")).toList();
        Pages.Page<Parameter> page = Pages.page(all, Parameter::parameterName, maxRecords, request.marker());
        return DescribeEngineDefaultParametersResponse.builder().engineDefaults(EngineDefaults.builder()
                .dbParameterGroupFamily(family).parameters(page.items()).marker(page.nextToken()).build()).build();
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
