package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

/**
 * Renders route tables as the SDK's {@code RouteTable}, including each route's state: {@code active} while
 * its target exists (and, for an internet gateway, is attached to the VPC), {@code blackhole} otherwise.
 */
final class RouteTableViews {
    static final Filters<RouteTable> FILTERS = new Filters<RouteTable>()
            .on("association.gateway-id", associations(RouteTableAssociation::gatewayId))
            .on("association.route-table-association-id", associations(RouteTableAssociation::routeTableAssociationId))
            .on("association.route-table-id", associations(RouteTableAssociation::routeTableId))
            .on("association.subnet-id", associations(RouteTableAssociation::subnetId))
            .on("association.main", associations(a -> String.valueOf(a.main())))
            .onValue("owner-id", RouteTable::ownerId)
            .onValue("route-table-id", RouteTable::routeTableId)
            .on("route.destination-cidr-block", routes(Route::destinationCidrBlock))
            .on("route.destination-ipv6-cidr-block", routes(Route::destinationIpv6CidrBlock))
            .on("route.destination-prefix-list-id", routes(Route::destinationPrefixListId))
            .on("route.egress-only-internet-gateway-id", routes(Route::egressOnlyInternetGatewayId))
            .on("route.gateway-id", routes(Route::gatewayId))
            .on("route.instance-id", routes(Route::instanceId))
            .on("route.nat-gateway-id", routes(Route::natGatewayId))
            .on("route.transit-gateway-id", routes(Route::transitGatewayId))
            .on("route.origin", routes(Route::originAsString))
            .on("route.state", routes(Route::stateAsString))
            .on("route.vpc-peering-connection-id", routes(Route::vpcPeeringConnectionId))
            .onValue("vpc-id", RouteTable::vpcId)
            .withTags(t -> Tags.asMap(t.tags()));

    private RouteTableViews() {
    }

    static RouteTable render(NetworkStore store, NetworkState state, RouteTableRecord t) {
        RouteTable.Builder b = RouteTable.builder()
                .routeTableId(t.id)
                .vpcId(t.vpcId)
                .ownerId(t.ownerId)
                .routes(t.routes.stream().map(r -> route(store, state, t, r)).toList())
                .associations(t.associations.stream().map(a -> association(t, a)).toList())
                .propagatingVgws(List.of());
        if (!t.tags.isEmpty()) {
            b.tags(Tags.toSdk(t.tags));
        }
        return b.build();
    }

    static RouteTableAssociation association(RouteTableRecord t, RouteTableRecord.Association a) {
        return RouteTableAssociation.builder()
                .routeTableAssociationId(a.associationId())
                .routeTableId(t.id)
                .main(a.main())
                .subnetId(a.subnetId())
                .gatewayId(a.gatewayId())
                .associationState(associated())
                .build();
    }

    static RouteTableAssociationState associated() {
        return RouteTableAssociationState.builder().state("associated").build();
    }

    private static Route route(NetworkStore store, NetworkState state, RouteTableRecord t, RouteRecord r) {
        return Route.builder()
                .destinationCidrBlock(r.destinationCidrBlock())
                .destinationIpv6CidrBlock(r.destinationIpv6CidrBlock())
                .destinationPrefixListId(r.destinationPrefixListId())
                .gatewayId(r.gatewayId())
                .natGatewayId(r.natGatewayId())
                .networkInterfaceId(r.networkInterfaceId())
                .instanceId(r.instanceId())
                .instanceOwnerId(r.instanceId() == null ? null : state.accountId)
                .vpcPeeringConnectionId(r.vpcPeeringConnectionId())
                .egressOnlyInternetGatewayId(r.egressOnlyInternetGatewayId())
                .transitGatewayId(r.transitGatewayId())
                .origin(r.origin())
                .state(active(store, state, t, r) ? "active" : "blackhole")
                .build();
    }

    /** Whether the route's target can carry traffic now. */
    static boolean active(NetworkStore store, NetworkState state, RouteTableRecord t, RouteRecord r) {
        if (r.isLocal()) {
            return true;
        }
        String gateway = r.gatewayId();
        if (gateway != null) {
            if (gateway.startsWith("igw-")) {
                return state.internetGateways.find(gateway).map(g -> t.vpcId.equals(g.vpcId)).orElse(false);
            }
            return gateway.startsWith("vpce-") && state.endpoints.contains(gateway);
        }
        if (r.natGatewayId() != null) {
            return state.natGateways.find(r.natGatewayId()).map(NatGatewayRecord::live).orElse(false);
        }
        if (r.networkInterfaceId() != null) {
            return state.interfaces.contains(r.networkInterfaceId());
        }
        if (r.vpcPeeringConnectionId() != null) {
            return store.peerings.find(r.vpcPeeringConnectionId()).map(PeeringRecord::active).orElse(false);
        }
        if (r.egressOnlyInternetGatewayId() != null) {
            return state.egressOnlyGateways.contains(r.egressOnlyInternetGatewayId());
        }
        return false;
    }

    private static Function<RouteTable, Collection<String>> associations(Function<RouteTableAssociation, String> field) {
        return t -> t.associations().stream().map(field).filter(Objects::nonNull).toList();
    }

    private static Function<RouteTable, Collection<String>> routes(Function<Route, String> field) {
        return t -> t.routes().stream().map(field).filter(Objects::nonNull).toList();
    }
}
