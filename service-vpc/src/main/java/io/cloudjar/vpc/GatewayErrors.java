package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of internet, egress-only and NAT gateways, VPC endpoints and peering connections. */
final class GatewayErrors {
    private GatewayErrors() {
    }

    static AwsException internetGatewayNotFound(String id) {
        return AwsErrors.badRequest("InvalidInternetGatewayID.NotFound", "The internetGateway ID '%s' does not exist", id);
    }

    static AwsException egressOnlyGatewayNotFound(String id) {
        return AwsErrors.badRequest("InvalidGatewayID.NotFound", "The eigw ID '%s' does not exist", id);
    }

    /** What DescribeNatGateways and DeleteNatGateway answer for an unknown id. */
    static AwsException natGatewayNotFound(String id) {
        return AwsErrors.badRequest("NatGatewayNotFound", "NAT gateway %s was not found", id);
    }

    /** What CreateRoute answers for an unknown NAT gateway. */
    static AwsException natGatewayIdNotFound(String id) {
        return AwsErrors.badRequest("InvalidNatGatewayID.NotFound", "The natGateway ID '%s' does not exist", id);
    }

    static AwsException endpointNotFound(String id) {
        return AwsErrors.badRequest("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist", id);
    }

    static AwsException peeringNotFound(String id) {
        return AwsErrors.badRequest("InvalidVpcPeeringConnectionID.NotFound",
                "The vpcPeeringConnection ID '%s' does not exist", id);
    }

    static AwsException gatewayAttached(String gatewayId, String vpcId) {
        return AwsErrors.badRequest("Resource.AlreadyAssociated", "resource %s is already attached to network %s", gatewayId, vpcId);
    }

    static AwsException vpcHasGateway(String vpcId) {
        return AwsErrors.badRequest("Resource.AlreadyAssociated", "Network %s already has an internet gateway attached", vpcId);
    }

    static AwsException notAttached(String gatewayId, String vpcId) {
        return AwsErrors.badRequest("Gateway.NotAttached", "resource %s is not attached to network %s", gatewayId, vpcId);
    }

    static AwsException mappedAddresses(String vpcId) {
        return AwsErrors.badRequest("DependencyViolation", "Network %s has some mapped public address(es). Please unmap "
                + "those public address(es) before detaching the gateway.", vpcId);
    }

    static AwsException natNeedsAllocation() {
        return AwsErrors.badRequest("MissingParameter", "A public NAT gateway requires an Elastic IP allocation (AllocationId).");
    }

    static AwsException privateNatWithAllocation() {
        return AwsErrors.badRequest("InvalidParameterCombination",
                "Private NAT gateways cannot have an Elastic IP address (AllocationId).");
    }

    static AwsException addressAlreadyAssociated(String allocationId) {
        return AwsErrors.badRequest("Resource.AlreadyAssociated", "Elastic IP address [%s] is already associated", allocationId);
    }

    static AwsException invalidServiceName(String name) {
        return AwsErrors.badRequest("InvalidServiceName", "The Vpc Endpoint Service '%s' does not exist", name);
    }

    static AwsException endpointTypeNotSupported(String serviceName, String type) {
        return AwsErrors.badRequest("InvalidParameter", "The VPC endpoint service %s does not support the VPC endpoint type %s.",
                serviceName, type);
    }

    static AwsException peeringState(String id, String status) {
        return AwsErrors.badRequest("InvalidStateTransition",
                "Invalid state transition for pcx %s, attempted to transition from %s", id, status);
    }

    static AwsException peeringNotAccepter(String id) {
        return AwsErrors.of("OperationNotPermitted", 400,
                "User is not permitted to accept or reject VpcPeeringConnection %s; only the accepter can", id);
    }

    static AwsException peeringNotRequester(String id) {
        return AwsErrors.of("OperationNotPermitted", 400,
                "User is not permitted to delete pending VpcPeeringConnection %s; only the requester can", id);
    }

    static AwsException peeringSameVpc() {
        return AwsErrors.badRequest("InvalidParameterValue", "A VPC peering connection cannot be created between a VPC and itself.");
    }
}
