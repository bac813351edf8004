package io.cloudjar.vpc.api;

/** A security group as instances and interfaces list it ({@code groupSet}). */
public record SecurityGroupInfo(String groupId, String groupName, String vpcId) {
}
