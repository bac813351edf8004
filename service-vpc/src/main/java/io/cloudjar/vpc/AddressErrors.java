package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** The EC2 errors of Elastic IPs and network interfaces. */
final class AddressErrors {
    private AddressErrors() {
    }

    /**
     * No public address left in the pool, for AllocateAddress and auto-assigned addresses alike. EC2 would
     * answer its server error InsufficientAddressCapacity (500); an emulator's pool running out is a limit of
     * the emulator, and Cloudjar never answers 500 for a request it understood, so it is the client error EC2
     * gives when addresses run out for an account: 400 AddressLimitExceeded.
     */
    static AwsException insufficientAddressCapacity() {
        return AwsErrors.badRequest("AddressLimitExceeded", "The maximum number of addresses has been reached.");
    }

    static AwsException allocationNotFound(String id) {
        return AwsErrors.badRequest("InvalidAllocationID.NotFound", "The allocation ID '%s' does not exist", id);
    }

    static AwsException addressNotFound(String publicIp) {
        return AwsErrors.badRequest("InvalidAddress.NotFound", "Address '%s' not found.", publicIp);
    }

    static AwsException associationNotFound(String id) {
        return AwsErrors.badRequest("InvalidAssociationID.NotFound", "The association ID '%s' does not exist", id);
    }

    static AwsException addressInUse(String publicIp) {
        return AwsErrors.badRequest("InvalidIPAddress.InUse", "Address %s is in use.", publicIp);
    }

    static AwsException alreadyAssociated(String allocationId, String associationId) {
        return AwsErrors.badRequest("Resource.AlreadyAssociated", "resource %s is already associated with associate-id %s",
                allocationId, associationId);
    }

    static AwsException releaseNeedsAllocation() {
        return AwsErrors.badRequest("InvalidParameterValue", "You must specify an allocation id when releasing a VPC elastic IP address");
    }

    static AwsException managedByService() {
        return AwsErrors.of("AuthFailure", 401, "You do not have permission to access the specified resource.");
    }

    static AwsException associateTarget() {
        return AwsErrors.badRequest("MissingParameter", "Either instance ID or network interface ID must be specified");
    }

    static AwsException interfaceNotFound(String id) {
        return AwsErrors.badRequest("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '%s' does not exist", id);
    }

    static AwsException interfaceInUse(String id) {
        return AwsErrors.badRequest("InvalidNetworkInterface.InUse", "Interface: [%s] in use.", id);
    }

    static AwsException attachmentNotFound(String id) {
        return AwsErrors.badRequest("InvalidAttachmentID.NotFound", "The network interface attachment ID '%s' does not exist", id);
    }

    static AwsException alreadyAttached(String interfaceId, String instanceId) {
        return AwsErrors.badRequest("InvalidParameterValue", "Interface %s is currently in use by instance %s.", interfaceId, instanceId);
    }

    static AwsException deviceIndexInUse(String instanceId, int index) {
        return AwsErrors.badRequest("InvalidParameterValue", "Instance '%s' already has an interface attached at device index '%d'.",
                instanceId, index);
    }

    static AwsException ipInUse(String ip) {
        return AwsErrors.badRequest("InvalidIPAddress.InUse", "Address %s is in use.", ip);
    }

    static AwsException subnetFull(String subnetId) {
        return AwsErrors.badRequest("InsufficientFreeAddressesInSubnet",
                "There are not enough free addresses in subnet '%s' to satisfy the requested number of instances.", subnetId);
    }

    static AwsException outsideSubnet(String ip, String subnetId) {
        return AwsErrors.badRequest("InvalidParameterValue", "Address %s does not fall within the subnet's address range (%s)", ip, subnetId);
    }

    static AwsException reservedAddress(String ip) {
        return AwsErrors.badRequest("InvalidParameterValue", "Address %s is in subnet's reserved address range", ip);
    }

    static AwsException invalidAddress(String ip) {
        return AwsErrors.badRequest("InvalidParameterValue", "Value (%s) for parameter privateIpAddress is invalid. "
                + "This is not a valid IP address.", ip);
    }

    static AwsException privateIpNotOnInterface(String ip, String interfaceId) {
        return AwsErrors.badRequest("InvalidParameterValue", "The private IP address %s is not assigned to interface %s", ip, interfaceId);
    }

    static AwsException primaryIpUnassign(String ip) {
        return AwsErrors.badRequest("InvalidParameterValue", "The primary private IP address %s cannot be unassigned.", ip);
    }

    static AwsException instanceNotFound(String instanceId) {
        return AwsErrors.badRequest("InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", instanceId);
    }

    static AwsException instanceState(String instanceId, String state) {
        return AwsErrors.badRequest("IncorrectInstanceState",
                "The instance '%s' is not in a valid state for this operation (%s).", instanceId, state);
    }
}
