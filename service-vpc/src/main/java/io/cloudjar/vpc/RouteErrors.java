package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of route tables, routes and their associations. */
final class RouteErrors {
    private RouteErrors() {
    }

    static AwsException routeTableNotFound(String id) {
        return AwsErrors.badRequest("InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist", id);
    }

    static AwsException associationNotFound(String id) {
        return AwsErrors.badRequest("InvalidAssociationID.NotFound", "The association ID '%s' does not exist", id);
    }

    static AwsException routeExists(String destination) {
        return AwsErrors.badRequest("RouteAlreadyExists", "The route identified by %s already exists.", destination);
    }

    static AwsException routeNotFound(String destination, String routeTableId) {
        String parameter = destination.startsWith("pl-") ? "destination-prefix-list-id"
                : destination.contains(":") ? "destination-ipv6-cidr-block" : "destination-cidr-block";
        return AwsErrors.badRequest("InvalidRoute.NotFound", "no route with %s %s in route table %s",
                parameter, destination, routeTableId);
    }

    static AwsException replaceMissing(String destination) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "There is no route defined for '%s' in the route table. Use CreateRoute instead.", destination);
    }

    static AwsException localRoute(String destination, String routeTableId) {
        return AwsErrors.badRequest("InvalidParameterValue", "cannot remove local route %s in route table %s", destination, routeTableId);
    }

    static AwsException replaceLocal(String destination, String routeTableId) {
        return AwsErrors.badRequest("InvalidParameterValue", "cannot replace local route %s in route table %s", destination, routeTableId);
    }

    /** A destination inside the VPC's own blocks with a gateway or peering target. */
    static AwsException targetNotSupported() {
        return AwsErrors.badRequest("InvalidParameterValue",
                "Route target is not supported. This route only supports interface and instance targets.");
    }

    static AwsException noDestination() {
        return AwsErrors.badRequest("MissingParameter", "The request must contain the parameter destinationCidrBlock "
                + "or destinationIpv6CidrBlock or destinationPrefixListId");
    }

    static AwsException noTarget() {
        return AwsErrors.badRequest("MissingParameter", "The request must contain exactly one of gatewayId, natGatewayId, "
                + "networkInterfaceId, instanceId, vpcPeeringConnectionId, egressOnlyInternetGatewayId, transitGatewayId");
    }

    static AwsException severalTargets() {
        return AwsErrors.badRequest("InvalidParameterCombination", "More than one target specified for the route.");
    }

    static AwsException severalDestinations() {
        return AwsErrors.badRequest("InvalidParameterCombination", "More than one destination specified for the route.");
    }

    static AwsException differentNetworks(String routeTableId, String otherId) {
        return AwsErrors.badRequest("InvalidParameterValue", "route table %s and network gateway %s belong to different networks",
                routeTableId, otherId);
    }

    static AwsException subnetDifferentNetwork(String routeTableId, String subnetId) {
        return AwsErrors.badRequest("InvalidParameterValue", "route table %s and subnet %s belong to different networks",
                routeTableId, subnetId);
    }

    static AwsException alreadyAssociated(String routeTableId) {
        return AwsErrors.badRequest("Resource.AlreadyAssociated",
                "the specified association for route table %s conflicts with an existing association", routeTableId);
    }

    static AwsException mainAssociation(String associationId) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "cannot disassociate the main route table association %s", associationId);
    }

    static AwsException gatewayNotSupported(String gatewayId) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "The gateway ID '%s' does not exist or is not an internet or virtual private gateway", gatewayId);
    }

    static AwsException routeNotSupported(String target) {
        return AwsErrors.badRequest("RouteNotSupported", "The route target %s is not supported for this destination.", target);
    }
}
