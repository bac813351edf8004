package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.NetworkInterfaceRecord.PublicAddress;
import io.cloudjar.vpc.api.Ec2Errors;

/** Associating Elastic IPs with interface addresses. Callers hold the state's write lock. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Associates the address with one private address of the interface (its primary when null). An Elastic
     * IP already on that private address is disassociated and an Amazon-owned one released, as AWS does.
     */
    static String associate(NetworkStore store, NetworkState state, AddressRecord address, NetworkInterfaceRecord eni,
                            String privateIp, boolean allowReassociation) {
        String target = privateIp == null ? eni.primaryIp() : privateIp;
        if (!eni.privateIps.containsKey(target)) {
            throw Ec2Errors.of("InvalidParameterValue#privateIpNotAssigned", target, eni.id);
        }
        if (address.associated()) {
            if (eni.id.equals(address.networkInterfaceId) && target.equals(address.privateIpAddress)) {
                return address.associationId;
            }
            if (!allowReassociation) {
                throw Ec2Errors.of("Resource.AlreadyAssociated#address", address.id, address.associationId);
            }
            disassociate(state, address);
        }
        PublicAddress current = eni.privateIps.get(target);
        if (current != null) {
            if (current.elastic()) {
                state.addresses.find(current.allocationId()).ifPresent(AddressRecord::disassociate);
            } else {
                store.publicIps.release(current.publicIp());
            }
        }
        address.associationId = Ids.ec2("eipassoc");
        address.networkInterfaceId = eni.id;
        address.privateIpAddress = target;
        eni.privateIps.put(target, new PublicAddress(address.publicIp, address.id, address.associationId));
        return address.associationId;
    }

    /** Removes the association from both the address and its interface. */
    static void disassociate(NetworkState state, AddressRecord address) {
        if (!address.associated()) {
            return;
        }
        state.interfaces.find(address.networkInterfaceId).ifPresent(eni -> {
            if (eni.privateIps.containsKey(address.privateIpAddress)) {
                eni.privateIps.put(address.privateIpAddress, null);
            }
        });
        address.disassociate();
    }
}
