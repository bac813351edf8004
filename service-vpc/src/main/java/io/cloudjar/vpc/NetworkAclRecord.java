package io.cloudjar.vpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A network ACL: numbered, stateless allow/deny entries per direction, and the subnets it guards. */
final class NetworkAclRecord extends Resource {
    /** The number of the catch-all deny entry AWS adds to every ACL (shown as {@code *} in the console). */
    static final int DENY_ALL_RULE = 32767;
    static final int DENY_ALL_IPV6_RULE = 32768;

    final String vpcId;
    final String ownerId;
    final boolean isDefault;
    final List<AclEntry> entries = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();

    NetworkAclRecord(String id, String vpcId, String ownerId, boolean isDefault, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.isDefault = isDefault;
    }

    Optional<AclEntry> entry(int ruleNumber, boolean egress) {
        return entries.stream().filter(e -> e.ruleNumber() == ruleNumber && e.egress() == egress).findFirst();
    }

    /** Keeps entries as AWS lists them: egress first, lower numbers (evaluated first) first within a direction. */
    void sortEntries() {
        entries.sort(Comparator.comparing((AclEntry e) -> !e.egress()).thenComparingInt(AclEntry::ruleNumber));
    }

    /**
     * @param protocol  the protocol number as text, {@code -1} for all
     * @param icmpType  null unless the protocol is ICMP (1) or ICMPv6 (58)
     * @param fromPort  null unless the protocol is TCP (6) or UDP (17)
     */
    record AclEntry(int ruleNumber, boolean egress, String protocol, String ruleAction, String cidrBlock,
                    String ipv6CidrBlock, Integer icmpType, Integer icmpCode, Integer fromPort, Integer toPort) {
    }

    record Association(String associationId, String subnetId) {
    }
}
