package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.SecurityGroupRuleRecord.Permission;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Turns the SDK's {@code IpPermission}s into one rule per peer, normalized as AWS stores them (protocol
 * numbers 6, 17, 1 and 58 become tcp, udp, icmp and icmpv6; ports of all-protocol rules become -1), and
 * adds rules to groups under the per-direction limit.
 */
final class SecurityGroupRules {
    /** AWS's default quota of rules per direction (IPv4 and IPv6 peers counted separately). */
    static final int RULES_PER_DIRECTION = 60;

    private SecurityGroupRules() {
    }

    /** A rule to add or remove, with the description the request gave it. */
    record Requested(Permission permission, String description) {
    }

    static List<Requested> expand(NetworkState state, SecurityGroupRecord group, List<IpPermission> permissions) {
        List<Requested> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            String protocol = protocol(p.ipProtocol());
            int[] ports = ports(protocol, p.fromPort(), p.toPort());
            int before = out.size();
            for (IpRange r : p.ipRanges()) {
                out.add(new Requested(new Permission(protocol, ports[0], ports[1], ipv4(r.cidrIp()), null, null, null, null),
                        r.description()));
            }
            for (Ipv6Range r : p.ipv6Ranges()) {
                out.add(new Requested(new Permission(protocol, ports[0], ports[1], null, ipv6(r.cidrIpv6()), null, null, null),
                        r.description()));
            }
            for (PrefixListId r : p.prefixListIds()) {
                PrefixLists.require(state, r.prefixListId());
                out.add(new Requested(new Permission(protocol, ports[0], ports[1], null, null, r.prefixListId(), null, null),
                        r.description()));
            }
            for (UserIdGroupPair pair : p.userIdGroupPairs()) {
                SecurityGroupRecord peer = referencedGroup(state, group, pair);
                out.add(new Requested(new Permission(protocol, ports[0], ports[1], null, null, null, peer.id, peer.ownerId),
                        pair.description()));
            }
            if (out.size() == before) {
                throw Ec2Errors.of("MissingParameter", "ipPermissions.ipRanges, ipv6Ranges, prefixListIds or groups");
            }
        }
        return out;
    }

    /** Adds one rule, refusing duplicates and rules beyond the limit. Caller holds the write lock. */
    static SecurityGroupRuleRecord add(NetworkState state, SecurityGroupRecord group, boolean egress, Permission permission,
                                       String description, Map<String, String> tags) {
        for (SecurityGroupRuleRecord existing : group.rules(egress)) {
            if (existing.permission.equals(permission)) {
                throw Ec2Errors.of("InvalidPermission.Duplicate", describe(permission));
            }
        }
        boolean ipv6 = permission.cidrIpv6() != null;
        long sameFamily = group.rules(egress).stream().filter(r -> (r.permission.cidrIpv6() != null) == ipv6).count();
        if (sameFamily >= RULES_PER_DIRECTION) {
            throw Ec2Errors.of("RulesPerSecurityGroupLimitExceeded");
        }
        SecurityGroupRuleRecord rule = new SecurityGroupRuleRecord(Ids.ec2("sgr"), group.id, group.ownerId, egress,
                permission, description, tags);
        group.rules.put(rule.id, rule);
        state.ruleGroups.put(rule.id, group.id);
        return rule;
    }

    static void remove(NetworkState state, SecurityGroupRecord group, SecurityGroupRuleRecord rule) {
        group.rules.remove(rule.id);
        state.ruleGroups.remove(rule.id);
    }

    /** The rule as AWS quotes it in InvalidPermission.Duplicate, e.g. {@code peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW}. */
    static String describe(Permission p) {
        String what = switch (p.ipProtocol()) {
            case "-1" -> "ALL";
            case "tcp", "udp" -> p.ipProtocol().toUpperCase(Locale.ROOT) + ", from port: " + p.fromPort() + ", to port: " + p.toPort();
            case "icmp", "icmpv6" -> p.ipProtocol().toUpperCase(Locale.ROOT) + ", type: " + p.fromPort() + ", code: " + p.toPort();
            default -> "protocol: " + p.ipProtocol();
        };
        return "peer: " + p.peer() + ", " + what + ", ALLOW";
    }

    /** Whether the protocol has ports (or ICMP type and code) that Describe calls show. */
    static boolean hasPorts(String protocol) {
        return switch (protocol) {
            case "tcp", "udp", "icmp", "icmpv6" -> true;
            default -> false;
        };
    }

    static String protocol(String requested) {
        if (requested == null || requested.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "ipPermissions.ipProtocol");
        }
        String p = requested.toLowerCase(Locale.ROOT);
        switch (p) {
            case "tcp", "udp", "icmp", "icmpv6", "-1":
                return p;
            case "6":
                return "tcp";
            case "17":
                return "udp";
            case "1":
                return "icmp";
            case "58":
                return "icmpv6";
            default:
                if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
                    return p;
                }
                throw Ec2Errors.of("InvalidParameterValue#ipProtocol", requested);
        }
    }

    private static int[] ports(String protocol, Integer from, Integer to) {
        switch (protocol) {
            case "tcp", "udp" -> {
                if (from == null || to == null) {
                    throw Ec2Errors.of("InvalidParameterValue#portsMissing");
                }
                if (from < 0 || to > 65535 || from > to) {
                    throw Ec2Errors.of("InvalidParameterValue#portRange", from, to);
                }
                return new int[] {from, to};
            }
            case "icmp", "icmpv6" -> {
                int type = from == null ? -1 : from;
                int code = to == null ? -1 : to;
                if (type < -1 || type > 255 || code < -1 || code > 255) {
                    throw Ec2Errors.of("InvalidParameterValue#icmp", type, code);
                }
                return new int[] {type, code};
            }
            default -> {
                return new int[] {-1, -1};
            }
        }
    }

    private static String ipv4(String cidr) {
        return Ipv4Cidr.parse(cidr).map(Object::toString)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#ruleCidr", cidr));
    }

    private static String ipv6(String cidr) {
        return Ipv6Cidr.parse(cidr).map(Object::toString)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#ruleCidr", cidr));
    }

    /** A peer group by id, or by name within the rule's own VPC. */
    private static SecurityGroupRecord referencedGroup(NetworkState state, SecurityGroupRecord group, UserIdGroupPair pair) {
        if (pair.groupId() != null) {
            return state.securityGroups.get(pair.groupId());
        }
        if (pair.groupName() != null) {
            VpcRecord vpc = state.vpc(group.vpcId);
            return state.securityGroups.first(g -> g.vpcId.equals(group.vpcId) && g.groupName.equals(pair.groupName()))
                    .orElseThrow(() -> Ec2Errors.of("InvalidGroup.NotFound#name",
                            pair.groupName(), vpc.isDefault ? "default " : "", vpc.id));
        }
        throw Ec2Errors.of("MissingParameter", "groupId");
    }
}
