package io.cloudjar.vpc;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One security group rule ({@code sgr-}): a protocol and port range with exactly one peer — an IPv4 block,
 * an IPv6 block, a prefix list or another group.
 *
 * @param ipProtocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} or another protocol number
 * @param fromPort   -1 for all protocols; the ICMP type for ICMP
 * @param toPort     -1 for all protocols; the ICMP code for ICMP
 */
final class SecurityGroupRuleRecord extends Resource {
    final String groupId;
    final String groupOwnerId;
    final boolean egress;
    final Permission permission;
    String description;

    SecurityGroupRuleRecord(String id, String groupId, String groupOwnerId, boolean egress, Permission permission,
                            String description, Map<String, String> tags) {
        super(id, tags);
        this.groupId = groupId;
        this.groupOwnerId = groupOwnerId;
        this.egress = egress;
        this.permission = permission;
        this.description = description;
    }

    /** What makes a rule unique within a group and direction: protocol, ports and peer. */
    record Permission(String ipProtocol, int fromPort, int toPort, String cidrIpv4, String cidrIpv6,
                      String prefixListId, String referencedGroupId, String referencedUserId) {
        /** The peer as AWS names it in duplicate and not-found messages. */
        String peer() {
            return Stream.of(cidrIpv4, cidrIpv6, prefixListId, referencedGroupId).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }
}
