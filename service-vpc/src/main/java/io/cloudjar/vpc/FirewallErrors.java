package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of security groups, their rules and network ACLs. */
final class FirewallErrors {
    private FirewallErrors() {
    }

    static AwsException groupIdNotFound(String groupId) {
        return AwsErrors.badRequest("InvalidGroup.NotFound", "The security group '%s' does not exist", groupId);
    }

    static AwsException groupNameNotFound(String groupName, String vpcId, boolean defaultVpc) {
        return AwsErrors.badRequest("InvalidGroup.NotFound", "The security group '%s' does not exist in %sVPC '%s'",
                groupName, defaultVpc ? "default " : "", vpcId);
    }

    static AwsException groupIdMalformed(String groupId) {
        return AwsErrors.badRequest("InvalidGroupId.Malformed", "Invalid id: \"%s\" (expecting \"sg-...\")", groupId);
    }

    static AwsException groupDuplicate(String groupName, String vpcId) {
        return AwsErrors.badRequest("InvalidGroup.Duplicate", "The security group '%s' already exists for VPC '%s'", groupName, vpcId);
    }

    static AwsException cannotDeleteDefault(String groupId) {
        return AwsErrors.badRequest("CannotDelete",
                "the specified group: \"%s\" name: \"default\" cannot be deleted by a user", groupId);
    }

    static AwsException groupInUse(String groupId) {
        return AwsErrors.badRequest("DependencyViolation", "resource %s has a dependent object", groupId);
    }

    static AwsException groupInOtherVpc(String groupId, String vpcId) {
        return AwsErrors.badRequest("InvalidParameter", "Security group %s and subnet belong to different networks (%s).", groupId, vpcId);
    }

    static AwsException permissionDuplicate(String rule) {
        return AwsErrors.badRequest("InvalidPermission.Duplicate", "the specified rule \"%s\" already exists", rule);
    }

    static AwsException permissionNotFound() {
        return AwsErrors.badRequest("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }

    static AwsException permissionMalformed(String message) {
        return AwsErrors.badRequest("InvalidPermission.Malformed", message);
    }

    static AwsException ruleLimit() {
        return AwsErrors.badRequest("RulesPerSecurityGroupLimitExceeded",
                "The maximum number of rules per security group has been reached.");
    }

    static AwsException ruleNotFound(String ruleId) {
        return AwsErrors.badRequest("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '%s' does not exist", ruleId);
    }

    static AwsException networkAclNotFound(String id) {
        return AwsErrors.badRequest("InvalidNetworkAclID.NotFound", "The networkAcl ID '%s' does not exist", id);
    }

    static AwsException aclEntryExists(int ruleNumber) {
        return AwsErrors.badRequest("NetworkAclEntryAlreadyExists", "The network acl entry identified by %d already exists.", ruleNumber);
    }

    static AwsException aclEntryNotFound(int ruleNumber, boolean egress, String aclId) {
        return AwsErrors.badRequest("InvalidNetworkAclEntry.NotFound",
                "The %s network acl entry identified by %d does not exist in %s.", egress ? "egress" : "ingress", ruleNumber, aclId);
    }

    static AwsException aclEntryTwoBlocks() {
        return AwsErrors.badRequest("InvalidParameterCombination", "An entry takes either cidrBlock or ipv6CidrBlock, not both.");
    }

    static AwsException aclRuleNumber(int ruleNumber) {
        return AwsErrors.badRequest("InvalidParameterValue",
                "Value (%d) for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.", ruleNumber);
    }

    static AwsException cannotDeleteDefaultAcl(String id) {
        return AwsErrors.badRequest("InvalidParameterValue", "cannot delete default network ACL %s", id);
    }

    static AwsException aclAssociationNotFound(String id) {
        return AwsErrors.badRequest("InvalidAssociationID.NotFound", "The association ID '%s' does not exist", id);
    }

    static AwsException aclDifferentVpc(String aclId, String associationId) {
        return AwsErrors.badRequest("InvalidParameterValue", "Network ACL %s and association %s belong to different networks",
                aclId, associationId);
    }
}
