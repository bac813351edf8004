package io.cloudjar.vpc.api;

import java.util.List;
import java.util.Map;

/**
 * A network interface to create for an instance.
 *
 * @param privateIpAddress        a specific primary address, or null for the next free one
 * @param secondaryPrivateIpCount further addresses to take from the subnet
 * @param groupIds                security groups (already resolved); empty means the VPC's default group
 * @param tags                    tags from a {@code network-interface} tag specification
 */
public record InterfaceRequest(String subnetId, String description, List<String> groupIds, String privateIpAddress,
                               int secondaryPrivateIpCount, Map<String, String> tags) {
    public InterfaceRequest {
        groupIds = List.copyOf(groupIds);
        tags = Map.copyOf(tags);
    }

    /** The primary interface RunInstances creates: next free address, the given groups. */
    public static InterfaceRequest forInstance(String subnetId, List<String> groupIds) {
        return new InterfaceRequest(subnetId, "", groupIds, null, 0, Map.of());
    }
}
