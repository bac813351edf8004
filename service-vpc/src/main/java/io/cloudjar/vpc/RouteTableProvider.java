package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.RouteTableRecord.Association;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationResponse;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * Route tables and their associations. A subnet without an explicit association uses its VPC's main
 * route table; ReplaceRouteTableAssociation on the main association makes another table the main one.
 */
public final class RouteTableProvider extends NetworkProvider {
    private static final Describe<RouteTable> DESCRIBE =
            new Describe<>(RouteTableViews.FILTERS, RouteTable::routeTableId, "RouteTableIds").maxResults(100);

    public CreateRouteTableResponse createRouteTable(CallContext ctx, CreateRouteTableRequest request) {
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "route-table");
        NetworkState state = state(ctx);
        RouteTable table = state.write(() -> {
            VpcRecord vpc = state.vpc(request.vpcId());
            RouteTableRecord t = new RouteTableRecord(Ids.ec2("rtb"), vpc.id, state.accountId, tags);
            vpc.cidrs.forEach(c -> t.routes.add(RouteRecord.local(c.cidrBlock(), false)));
            vpc.ipv6.forEach(c -> t.routes.add(RouteRecord.local(c.ipv6CidrBlock(), true)));
            return RouteTableViews.render(store, state, state.routeTables.add(t));
        });
        return CreateRouteTableResponse.builder().routeTable(table).clientToken(request.clientToken()).build();
    }

    public DescribeRouteTablesResponse describeRouteTables(CallContext ctx, DescribeRouteTablesRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<RouteTable> page = DESCRIBE.run(state, state.routeTables, t -> RouteTableViews.render(store, state, t),
                request.filters(), request.routeTableIds(), request.maxResults(), request.nextToken());
        return DescribeRouteTablesResponse.builder().routeTables(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteRouteTableResponse deleteRouteTable(CallContext ctx, DeleteRouteTableRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            RouteTableRecord table = state.routeTables.get(request.routeTableId());
            if (!table.associations.isEmpty()) {
                throw Ec2Errors.of("DependencyViolation", "routeTable", table.id);
            }
            state.endpoints.all().forEach(e -> e.routeTableIds.remove(table.id));
            state.routeTables.remove(table.id);
        });
        return DeleteRouteTableResponse.builder().build();
    }

    public AssociateRouteTableResponse associateRouteTable(CallContext ctx, AssociateRouteTableRequest request) {
        NetworkState state = state(ctx);
        String associationId = state.write(() -> {
            RouteTableRecord table = state.routeTables.get(request.routeTableId());
            if (request.subnetId() != null && request.gatewayId() != null) {
                throw Ec2Errors.of("InvalidParameterValue#associationTarget");
            }
            Association association;
            if (request.subnetId() != null) {
                SubnetRecord subnet = state.subnet(request.subnetId());
                if (!subnet.vpcId.equals(table.vpcId)) {
                    throw Ec2Errors.of("InvalidParameterValue#routeTableSubnet", table.id, subnet.id);
                }
                if (explicitTable(state, subnet.id) != null) {
                    throw Ec2Errors.of("Resource.AlreadyAssociated#routeTable", table.id);
                }
                association = new Association(Ids.ec2("rtbassoc"), false, subnet.id, null);
            } else if (request.gatewayId() != null) {
                InternetGatewayRecord igw = state.internetGateways.find(request.gatewayId())
                        .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#gatewayType", request.gatewayId()));
                if (!table.vpcId.equals(igw.vpcId)) {
                    throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, igw.id);
                }
                if (state.routeTables.first(t -> t.associations.stream().anyMatch(a -> igw.id.equals(a.gatewayId()))).isPresent()) {
                    throw Ec2Errors.of("Resource.AlreadyAssociated#routeTable", table.id);
                }
                association = new Association(Ids.ec2("rtbassoc"), false, null, igw.id);
            } else {
                throw Ec2Errors.of("MissingParameter", "subnetId");
            }
            table.associations.add(association);
            return association.associationId();
        });
        return AssociateRouteTableResponse.builder().associationId(associationId)
                .associationState(RouteTableViews.associated()).build();
    }

    public DisassociateRouteTableResponse disassociateRouteTable(CallContext ctx, DisassociateRouteTableRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            RouteTableRecord table = owner(state, request.associationId());
            Association association = find(table, request.associationId());
            if (association.main()) {
                throw Ec2Errors.of("InvalidParameterValue#mainAssociation", association.associationId());
            }
            table.associations.remove(association);
        });
        return DisassociateRouteTableResponse.builder().build();
    }

    public ReplaceRouteTableAssociationResponse replaceRouteTableAssociation(CallContext ctx,
                                                                             ReplaceRouteTableAssociationRequest request) {
        NetworkState state = state(ctx);
        String newId = state.write(() -> {
            RouteTableRecord from = owner(state, request.associationId());
            RouteTableRecord to = state.routeTables.get(request.routeTableId());
            Association old = find(from, request.associationId());
            if (!from.vpcId.equals(to.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway",
                        to.id, Objects.requireNonNullElse(old.subnetId(), from.vpcId));
            }
            from.associations.remove(old);
            Association replaced = new Association(Ids.ec2("rtbassoc"), old.main(), old.subnetId(), old.gatewayId());
            to.associations.add(replaced);
            return replaced.associationId();
        });
        return ReplaceRouteTableAssociationResponse.builder().newAssociationId(newId)
                .associationState(RouteTableViews.associated()).build();
    }

    /** The table a subnet is explicitly associated with, or null when it uses the main table. */
    static RouteTableRecord explicitTable(NetworkState state, String subnetId) {
        return state.routeTables.first(t -> t.associations.stream().anyMatch(a -> subnetId.equals(a.subnetId()))).orElse(null);
    }

    private static RouteTableRecord owner(NetworkState state, String associationId) {
        return state.routeTables.first(t -> t.associations.stream().anyMatch(a -> a.associationId().equals(associationId)))
                .orElseThrow(() -> Ec2Errors.of("InvalidAssociationID.NotFound", associationId));
    }

    private static Association find(RouteTableRecord table, String associationId) {
        return table.associations.stream().filter(a -> a.associationId().equals(associationId)).findFirst().orElseThrow();
    }
}
