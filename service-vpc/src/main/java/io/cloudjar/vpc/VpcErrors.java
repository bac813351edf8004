package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of the VPC calls, worded as AWS words them. */
final class VpcErrors {
    private VpcErrors() {
    }

    static AwsException vpcNotFound(String vpcId) {
        return AwsErrors.badRequest("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist", vpcId);
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

    /** No IPAM pools exist yet, so every pool id is unknown. */
    static AwsException ipamPoolNotFound(String poolId) {
        return AwsErrors.badRequest("InvalidIpamPoolId.NotFound", "The pool ID '%s' does not exist", poolId);
    }

    static AwsException unsupportedTenancy(String tenancy) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "Value (%s) for parameter instanceTenancy is invalid. Valid values: default, dedicated", tenancy);
    }
}
