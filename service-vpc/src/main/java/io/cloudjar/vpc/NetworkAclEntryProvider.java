package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.NetworkAclRecord.AclEntry;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6Cidr;
import java.util.Locale;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryResponse;

/**
 * Numbered network ACL entries (1–32766; AWS owns the catch-all 32767): the protocol is stored as its
 * number ({@code tcp} → {@code 6}), TCP and UDP need a port range, ICMP a type and code.
 */
public final class NetworkAclEntryProvider extends NetworkProvider {
    private static final int MAX_RULE = 32766;

    public CreateNetworkAclEntryResponse createNetworkAclEntry(CallContext ctx, CreateNetworkAclEntryRequest r) {
        AclEntry entry = entry(r.ruleNumber(), r.egress(), r.protocol(), r.ruleActionAsString(), r.cidrBlock(),
                r.ipv6CidrBlock(), r.icmpTypeCode(), r.portRange());
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkAclRecord acl = state.networkAcls.get(r.networkAclId());
            if (acl.entry(entry.ruleNumber(), entry.egress()).isPresent()) {
                throw Ec2Errors.of("NetworkAclEntryAlreadyExists", entry.ruleNumber());
            }
            acl.entries.add(entry);
            acl.sortEntries();
        });
        return CreateNetworkAclEntryResponse.builder().build();
    }

    public ReplaceNetworkAclEntryResponse replaceNetworkAclEntry(CallContext ctx, ReplaceNetworkAclEntryRequest r) {
        AclEntry entry = entry(r.ruleNumber(), r.egress(), r.protocol(), r.ruleActionAsString(), r.cidrBlock(),
                r.ipv6CidrBlock(), r.icmpTypeCode(), r.portRange());
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkAclRecord acl = state.networkAcls.get(r.networkAclId());
            AclEntry old = acl.entry(entry.ruleNumber(), entry.egress())
                    .orElseThrow(() -> Ec2Errors.of("InvalidNetworkAclEntry.NotFound",
                            entry.egress() ? "egress" : "ingress", entry.ruleNumber(), acl.id));
            acl.entries.set(acl.entries.indexOf(old), entry);
        });
        return ReplaceNetworkAclEntryResponse.builder().build();
    }

    public DeleteNetworkAclEntryResponse deleteNetworkAclEntry(CallContext ctx, DeleteNetworkAclEntryRequest r) {
        int rule = ruleNumber(r.ruleNumber());
        boolean egress = Boolean.TRUE.equals(r.egress());
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkAclRecord acl = state.networkAcls.get(r.networkAclId());
            AclEntry old = acl.entry(rule, egress).orElseThrow(() -> Ec2Errors.of("InvalidNetworkAclEntry.NotFound",
                    egress ? "egress" : "ingress", rule, acl.id));
            acl.entries.remove(old);
        });
        return DeleteNetworkAclEntryResponse.builder().build();
    }

    private static AclEntry entry(Integer ruleNumber, Boolean egress, String protocol, String action, String cidr,
                                  String ipv6Cidr, IcmpTypeCode icmp, PortRange ports) {
        int rule = ruleNumber(ruleNumber);
        String number = protocolNumber(protocol);
        if (action == null || !(action.equals("allow") || action.equals("deny"))) {
            throw Ec2Errors.of("InvalidParameterValue", action, "ruleAction");
        }
        if (cidr == null && ipv6Cidr == null) {
            throw Ec2Errors.of("MissingParameter", "cidrBlock or ipv6CidrBlock");
        }
        if (cidr != null && ipv6Cidr != null) {
            throw Ec2Errors.of("InvalidParameterCombination#aclEntryBlocks");
        }
        String v4 = cidr == null ? null : Ipv4Cidr.parse(cidr).map(Object::toString)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#cidrBlock", cidr));
        String v6 = ipv6Cidr == null ? null : Ipv6Cidr.parse(ipv6Cidr).map(Object::toString)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue", ipv6Cidr, "ipv6CidrBlock"));
        Integer from = null;
        Integer to = null;
        Integer type = null;
        Integer code = null;
        if (number.equals("6") || number.equals("17")) {
            if (ports == null || ports.from() == null || ports.to() == null) {
                throw Ec2Errors.of("MissingParameter", "portRange");
            }
            if (ports.from() < 0 || ports.to() > 65535 || ports.from() > ports.to()) {
                throw Ec2Errors.of("InvalidParameterValue#portRange", ports.from(), ports.to());
            }
            from = ports.from();
            to = ports.to();
        } else if (number.equals("1") || number.equals("58")) {
            if (icmp == null || icmp.type() == null || icmp.code() == null) {
                throw Ec2Errors.of("MissingParameter", "icmpTypeCode");
            }
            type = icmp.type();
            code = icmp.code();
        }
        return new AclEntry(rule, Boolean.TRUE.equals(egress), number, action, v4, v6, type, code, from, to);
    }

    private static int ruleNumber(Integer ruleNumber) {
        if (ruleNumber == null) {
            throw Ec2Errors.of("MissingParameter", "ruleNumber");
        }
        if (ruleNumber < 1 || ruleNumber > MAX_RULE) {
            throw Ec2Errors.of("InvalidParameterValue#aclRuleNumber", ruleNumber);
        }
        return ruleNumber;
    }

    /** The protocol as AWS stores it: a number, or -1 for all. */
    static String protocolNumber(String protocol) {
        if (protocol == null) {
            throw Ec2Errors.of("MissingParameter", "protocol");
        }
        return switch (protocol.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "-1";
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            case "icmpv6" -> "58";
            default -> {
                if (protocol.matches("\\d{1,3}") && Integer.parseInt(protocol) <= 255) {
                    yield String.valueOf(Integer.parseInt(protocol));
                }
                throw Ec2Errors.of("InvalidParameterValue", protocol, "protocol");
            }
        };
    }
}
