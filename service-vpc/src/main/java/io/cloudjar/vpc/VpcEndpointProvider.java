package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItemError;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * VPC endpoints. A gateway endpoint (S3, DynamoDB) puts a route to the service's prefix list into each of
 * its route tables; an interface endpoint takes an interface (and address) in each of its subnets.
 */
public final class VpcEndpointProvider extends NetworkProvider {
    private static final Describe<VpcEndpoint> DESCRIBE =
            new Describe<>(VpcEndpointViews.FILTERS, VpcEndpoint::vpcEndpointId, "VpcEndpointIds");

    public CreateVpcEndpointResponse createVpcEndpoint(CallContext ctx, CreateVpcEndpointRequest r) {
        String type = Objects.requireNonNullElse(r.vpcEndpointTypeAsString(), EndpointServices.GATEWAY);
        EndpointServices.EndpointService service = EndpointServices.find(ctx.region(), r.serviceName())
                .orElseThrow(() -> Ec2Errors.of("InvalidServiceName", r.serviceName()));
        if (!service.types().contains(type)) {
            throw Ec2Errors.of("InvalidParameter#endpointType", r.serviceName(), type);
        }
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "vpc-endpoint");
        NetworkState state = state(ctx);
        VpcEndpoint endpoint = state.write(() -> {
            VpcRecord vpc = state.vpc(r.vpcId());
            VpcEndpointRecord e = new VpcEndpointRecord(Ids.ec2("vpce"), vpc.id, state.accountId, service.name(), type,
                    store.clock.now(), tags);
            e.policyDocument = Objects.requireNonNullElse(r.policyDocument(), EndpointServices.FULL_ACCESS_POLICY);
            e.privateDnsEnabled = r.privateDnsEnabled() != null ? r.privateDnsEnabled()
                    : type.equals(EndpointServices.INTERFACE) && !service.shortName().equals("s3");
            state.endpoints.add(e);
            try {
                addRouteTables(state, e, r.routeTableIds());
                addSubnets(state, e, r.subnetIds(), r.securityGroupIds());
            } catch (RuntimeException failure) {
                remove(state, e); // nothing of a failed create stays behind
                throw failure;
            }
            return VpcEndpointViews.render(state, e, type.equals(EndpointServices.INTERFACE) ? "pending" : "available");
        });
        return CreateVpcEndpointResponse.builder().vpcEndpoint(endpoint).clientToken(r.clientToken()).build();
    }

    public DescribeVpcEndpointsResponse describeVpcEndpoints(CallContext ctx, DescribeVpcEndpointsRequest r) {
        NetworkState state = state(ctx);
        Pages.Page<VpcEndpoint> page = DESCRIBE.run(state, state.endpoints, e -> VpcEndpointViews.render(state, e, "available"),
                r.filters(), r.vpcEndpointIds(), r.maxResults(), r.nextToken());
        return DescribeVpcEndpointsResponse.builder().vpcEndpoints(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteVpcEndpointsResponse deleteVpcEndpoints(CallContext ctx, DeleteVpcEndpointsRequest r) {
        NetworkState state = state(ctx);
        List<UnsuccessfulItem> failed = state.write(() -> {
            List<UnsuccessfulItem> out = new ArrayList<>();
            for (String id : r.vpcEndpointIds()) {
                var e = state.endpoints.find(id);
                if (e.isPresent()) {
                    remove(state, e.get());
                } else {
                    var error = Ec2Errors.of("InvalidVpcEndpointId.NotFound", id);
                    out.add(UnsuccessfulItem.builder().resourceId(id)
                            .error(UnsuccessfulItemError.builder().code(error.code()).message(error.getMessage()).build()).build());
                }
            }
            return out;
        });
        return DeleteVpcEndpointsResponse.builder().unsuccessful(failed).build();
    }

    public ModifyVpcEndpointResponse modifyVpcEndpoint(CallContext ctx, ModifyVpcEndpointRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            VpcEndpointRecord e = state.endpoints.get(r.vpcEndpointId());
            if (Boolean.TRUE.equals(r.resetPolicy())) {
                e.policyDocument = EndpointServices.FULL_ACCESS_POLICY;
            } else if (r.policyDocument() != null) {
                e.policyDocument = r.policyDocument();
            }
            if (r.privateDnsEnabled() != null) {
                e.privateDnsEnabled = r.privateDnsEnabled();
            }
            for (String tableId : r.removeRouteTableIds()) {
                state.routeTables.get(tableId).routes.removeIf(route -> e.id.equals(route.gatewayId()));
                e.routeTableIds.remove(tableId);
            }
            addRouteTables(state, e, r.addRouteTableIds());
            for (String subnetId : r.removeSubnetIds()) {
                int index = e.subnetIds.indexOf(subnetId);
                if (index >= 0) {
                    state.interfaces.find(e.networkInterfaceIds.remove(index)).ifPresent(eni -> Interfaces.delete(store, state, eni));
                    e.subnetIds.remove(index);
                }
            }
            addSubnets(state, e, r.addSubnetIds(), List.of());
            e.groupIds.removeAll(r.removeSecurityGroupIds());
            for (String groupId : r.addSecurityGroupIds()) {
                if (!e.groupIds.contains(state.securityGroups.get(groupId).id)) {
                    e.groupIds.add(groupId);
                }
            }
        });
        return ModifyVpcEndpointResponse.builder().returnValue(true).build();
    }

    private static void addRouteTables(NetworkState state, VpcEndpointRecord e, List<String> tableIds) {
        if (tableIds.isEmpty()) {
            return;
        }
        if (!EndpointServices.GATEWAY.equals(e.endpointType)) {
            throw Ec2Errors.of("InvalidParameter#endpointRouteTables");
        }
        String prefixList = PrefixLists.forService(state.region, e.serviceName).orElseThrow().id();
        for (String tableId : tableIds) {
            RouteTableRecord table = state.routeTables.get(tableId);
            if (!table.vpcId.equals(e.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, e.id);
            }
            if (table.route(prefixList).isPresent()) {
                throw Ec2Errors.of("RouteAlreadyExists", prefixList);
            }
            table.routes.add(new RouteRecord(null, null, prefixList, e.id, null, null, null, null, null, null, "CreateRoute"));
            e.routeTableIds.add(table.id);
        }
    }

    private void addSubnets(NetworkState state, VpcEndpointRecord e, List<String> subnetIds, List<String> groupIds) {
        if (subnetIds.isEmpty()) {
            return;
        }
        if (!EndpointServices.INTERFACE.equals(e.endpointType)) {
            throw Ec2Errors.of("InvalidParameter#endpointSubnets");
        }
        if (e.groupIds.isEmpty()) {
            e.groupIds.addAll(Interfaces.groups(state, e.vpcId, groupIds, true));
        }
        for (String subnetId : subnetIds) {
            SubnetRecord subnet = state.subnet(subnetId);
            if (!subnet.vpcId.equals(e.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#endpointSubnetVpc", subnet.id, e.vpcId);
            }
            boolean sameZone = e.subnetIds.stream().map(state::subnet).anyMatch(s -> s.availabilityZone.equals(subnet.availabilityZone));
            if (sameZone) {
                throw Ec2Errors.of("DuplicateSubnetsInSameZone", subnet.id);
            }
            NetworkInterfaceRecord eni = Interfaces.create(state, new Interfaces.Spec(subnet.id, "VPC Endpoint Interface " + e.id,
                    e.groupIds, null, 0, "vpc_endpoint", "amazon", Map.of()));
            e.subnetIds.add(subnet.id);
            e.networkInterfaceIds.add(eni.id);
        }
    }

    private void remove(NetworkState state, VpcEndpointRecord e) {
        state.routeTables.all().forEach(t -> t.routes.removeIf(route -> e.id.equals(route.gatewayId())));
        e.networkInterfaceIds.forEach(id -> state.interfaces.find(id).ifPresent(eni -> Interfaces.delete(store, state, eni)));
        state.endpoints.remove(e.id);
    }
}
