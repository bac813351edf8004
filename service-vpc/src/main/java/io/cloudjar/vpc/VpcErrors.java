package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of VPCs, subnets, DHCP options and flow logs, and the generic ones all calls share. */
final class VpcErrors {
    private VpcErrors() {
    }

    static AwsException vpcNotFound(String vpcId) {
        return AwsErrors.badRequest("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist", vpcId);
    }

    static AwsException subnetNotFound(String subnetId) {
        return AwsErrors.badRequest("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist", subnetId);
    }

    static AwsException dhcpOptionsNotFound(String id) {
        return AwsErrors.badRequest("InvalidDhcpOptionID.NotFound", "The dhcpOption ID '%s' does not exist", id);
    }

    static AwsException flowLogNotFound(String id) {
        return AwsErrors.badRequest("InvalidFlowLogId.NotFound",
                "These flow log ids in the input list are not found: [TotalCount: 1] %s", id);
    }

    /** DeleteVpc, DeleteSubnet, DeleteInternetGateway, … while something still uses the resource. */
    static AwsException dependencies(String kind, String id) {
        return AwsErrors.badRequest("DependencyViolation", "The %s '%s' has dependencies and cannot be deleted.", kind, id);
    }

    static AwsException missingParameter(String name) {
        return AwsErrors.badRequest("MissingParameter", "The request must contain the parameter %s", name);
    }

    static AwsException invalidValue(String parameter, Object value) {
        return AwsErrors.badRequest("InvalidParameterValue", "Value (%s) for parameter %s is invalid.", value, parameter);
    }

    static AwsException invalidParameter(String message, Object... args) {
        return AwsErrors.badRequest("InvalidParameterValue", message, args);
    }

    static AwsException missingCidr() {
        return AwsErrors.badRequest("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
    }

    static AwsException invalidCidr(String cidr) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "Value (%s) for parameter cidrBlock is invalid. This is not a valid CIDR block.", cidr);
    }

    static AwsException cidrOutOfRange(String cidr) {
        return AwsErrors.badRequest("InvalidVpc.Range", "The CIDR '%s' is invalid.", cidr);
    }

    static AwsException cidrConflict(String cidr, String vpcId) {
        return AwsErrors.badRequest("InvalidVpc.Range", "The CIDR '%s' conflicts with another CIDR block of vpc '%s'.", cidr, vpcId);
    }

    static AwsException cidrRestricted(String cidr) {
        return AwsErrors.badRequest("InvalidVpc.Range", "The CIDR '%s' is restricted. Use a CIDR from the same private "
                + "address range as the current VPC CIDR, or use a publicly-routable CIDR.", cidr);
    }

    static AwsException cidrLimit(String vpcId) {
        return AwsErrors.badRequest("CidrLimitExceeded",
                "This network '%s' has met its maximum number of allowed CIDRs: 5", vpcId);
    }

    static AwsException cidrAssociationNotFound(String associationId) {
        return AwsErrors.badRequest("InvalidVpcCidrBlockAssociationID.NotFound",
                "The vpc CIDR block association ID '%s' does not exist", associationId);
    }

    static AwsException primaryCidr(String associationId) {
        return AwsErrors.badRequest("OperationNotPermitted", "The vpc CIDR block with association ID %s may not be "
                + "disassociated. It is the primary IPv4 CIDR block of the VPC", associationId);
    }

    static AwsException subnetsInCidr(String associationId) {
        return AwsErrors.badRequest("InvalidCidrBlock.InUse",
                "The vpc CIDR block with association ID %s may not be disassociated. It has subnets", associationId);
    }

    /** No IPAM pools exist yet, so every pool id is unknown. */
    static AwsException ipamPoolNotFound(String poolId) {
        return AwsErrors.badRequest("InvalidIpamPoolId.NotFound", "The pool ID '%s' does not exist", poolId);
    }

    static AwsException unsupportedTenancy(String tenancy) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "Value (%s) for parameter instanceTenancy is invalid. Valid values: default, dedicated", tenancy);
    }

    static AwsException subnetRange(String cidr) {
        return AwsErrors.badRequest("InvalidSubnet.Range", "The CIDR '%s' is invalid.", cidr);
    }

    static AwsException subnetConflict(String cidr) {
        return AwsErrors.badRequest("InvalidSubnet.Conflict", "The CIDR '%s' conflicts with another subnet", cidr);
    }

    static AwsException invalidZone(String zone, String validZones) {
        return AwsErrors.badRequest("InvalidParameterValue", "Value (%s) for parameter availabilityZone is invalid. "
                + "Subnets can currently only be created in the following availability zones: %s.", zone, validZones);
    }

    static AwsException defaultVpcExists() {
        return AwsErrors.badRequest("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
    }

    static AwsException noDefaultVpc() {
        return AwsErrors.badRequest("DefaultVpcDoesNotExist", "No default VPC exists for this account in this region.");
    }

    static AwsException defaultSubnetExists(String zone) {
        return AwsErrors.badRequest("DefaultSubnetAlreadyExistsInAvailabilityZone",
                "A Default Subnet already exists in availability zone %s.", zone);
    }

    static AwsException attributeCombination() {
        return AwsErrors.badRequest("InvalidParameterCombination",
                "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");
    }

    static AwsException dnsHostnamesNeedSupport() {
        return AwsErrors.badRequest("InvalidParameterCombination",
                "Enabling DNS hostnames requires DNS support to be enabled for the VPC.");
    }

    static AwsException invalidDhcpOption(String key) {
        return AwsErrors.badRequest("InvalidParameterValue", "Value (%s) for parameter name is invalid. Unknown DHCP option", key);
    }
}
