package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SubnetInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbSubnetGroupResponse;

/** DB subnet groups: subnets of one VPC, from service-vpc, covering at least two Availability Zones. */
public final class SubnetGroupsProvider implements ServiceProvider {
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public CreateDbSubnetGroupResponse createDBSubnetGroup(CallContext ctx, CreateDbSubnetGroupRequest request) {
        String name = Identifiers.subnetGroupName(request.dbSubnetGroupName());
        if (name.equals("default")) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName must not be default.");
        }
        String description = required("DBSubnetGroupDescription", request.dbSubnetGroupDescription());
        List<SubnetInfo> subnets = subnets(ctx, request.subnetIds());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        SubnetGroupRecord group = new SubnetGroupRecord(name, description, subnets.get(0).vpcId(), subnets,
                RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.SUBNET_GROUP, name));
        synchronized (state.lock) {
            if (state.subnetGroups.containsKey(name)) {
                throw RdsErrors.subnetGroupExists(name);
            }
            state.subnetGroups.put(name, group);
            state.putTags(group.arn(), RdsTags.of(request.tags()));
        }
        return CreateDbSubnetGroupResponse.builder().dbSubnetGroup(group.toSdk()).build();
    }

    public DescribeDbSubnetGroupsResponse describeDBSubnetGroups(CallContext ctx, DescribeDbSubnetGroupsRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        List<SubnetGroupRecord> matching;
        if (request.dbSubnetGroupName() != null) {
            SubnetGroupRecord group = state.subnetGroups.get(request.dbSubnetGroupName().toLowerCase(java.util.Locale.ROOT));
            if (group == null) {
                throw RdsErrors.subnetGroupNotFound(request.dbSubnetGroupName());
            }
            matching = List.of(group);
        } else {
            matching = state.subnetGroups.values().stream().sorted(Comparator.comparing(SubnetGroupRecord::name)).toList();
        }
        Pages.Page<SubnetGroupRecord> page = Pages.page(matching, SubnetGroupRecord::name, maxRecords, request.marker());
        return DescribeDbSubnetGroupsResponse.builder()
                .dbSubnetGroups(page.items().stream().map(SubnetGroupRecord::toSdk).toList())
                .marker(page.nextToken()).build();
    }

    public ModifyDbSubnetGroupResponse modifyDBSubnetGroup(CallContext ctx, ModifyDbSubnetGroupRequest request) {
        String name = Identifiers.subnetGroupName(request.dbSubnetGroupName());
        List<SubnetInfo> subnets = subnets(ctx, request.subnetIds());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            SubnetGroupRecord old = state.subnetGroups.get(name);
            if (old == null) {
                throw RdsErrors.subnetGroupNotFound(request.dbSubnetGroupName());
            }
            if (!old.vpcId().equals(subnets.get(0).vpcId()) && Instances.live(state, ctx.receivedAt()).stream().anyMatch(i -> name.equals(i.subnetGroupName()))) {
                throw RdsErrors.invalidValue("The new Subnets are not in the same Vpc as the existing subnet group");
            }
            String description = request.dbSubnetGroupDescription() == null ? old.description() : request.dbSubnetGroupDescription();
            SubnetGroupRecord group = new SubnetGroupRecord(name, description, subnets.get(0).vpcId(), subnets, old.arn());
            state.subnetGroups.put(name, group);
            return ModifyDbSubnetGroupResponse.builder().dbSubnetGroup(group.toSdk()).build();
        }
    }

    public DeleteDbSubnetGroupResponse deleteDBSubnetGroup(CallContext ctx, DeleteDbSubnetGroupRequest request) {
        String name = Identifiers.subnetGroupName(request.dbSubnetGroupName());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            SubnetGroupRecord group = state.subnetGroups.get(name);
            if (group == null) {
                throw RdsErrors.subnetGroupNotFound(request.dbSubnetGroupName());
            }
            Instances.live(state, ctx.receivedAt()).stream().filter(i -> name.equals(i.subnetGroupName())).findFirst()
                    .ifPresent(i -> {
                        throw RdsErrors.subnetGroupInUse(name, i.id());
                    });
            state.subnetGroups.remove(name);
            state.tags.remove(group.arn());
        }
        return DeleteDbSubnetGroupResponse.builder().build();
    }

    /** The named subnets, all in one VPC and covering at least two zones, as AWS requires. */
    private List<SubnetInfo> subnets(CallContext ctx, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw RdsErrors.invalidValue("The parameter SubnetIds must be provided and must not be empty.");
        }
        InstanceNetworking networking = store.networking()
                .orElseThrow(() -> RdsErrors.invalidValue("Subnets cannot be checked: service-vpc (ec2) is not running"));
        List<SubnetInfo> subnets = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            try {
                subnets.add(networking.subnet(Scope.of(ctx), id));
            } catch (AwsException e) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidSubnet", "Some input subnets in :%s are invalid.", unknown);
        }
        if (subnets.stream().map(SubnetInfo::vpcId).distinct().count() > 1) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidSubnet", "Subnets must all be in the same VPC: %s",
                    subnets.stream().map(s -> s.subnetId() + " (" + s.vpcId() + ")").toList());
        }
        TreeSet<String> zones = new TreeSet<>(subnets.stream().map(SubnetInfo::availabilityZone).toList());
        if (zones.size() < 2) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("DBSubnetGroupDoesNotCoverEnoughAZs",
                    "The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage:"
                            + " %s. Add subnets to cover at least 2 AZs.", String.join(", ", zones));
        }
        return List.copyOf(subnets);
    }

    private static String required(String parameter, String value) {
        if (value == null) {
            throw RdsErrors.invalidValue("The parameter %s must be provided and must not be blank.", parameter);
        }
        return value;
    }
}
