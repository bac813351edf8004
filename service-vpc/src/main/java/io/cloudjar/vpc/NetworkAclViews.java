package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.NetworkAclRecord.AclEntry;
import io.cloudjar.vpc.api.Tags;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;

/** Renders network ACLs as the SDK's {@code NetworkAcl} and names DescribeNetworkAcls' filters. */
final class NetworkAclViews {
    static final Filters<NetworkAcl> FILTERS = new Filters<NetworkAcl>()
            .on("association.association-id", associations(NetworkAclAssociation::networkAclAssociationId))
            .on("association.network-acl-id", associations(NetworkAclAssociation::networkAclId))
            .on("association.subnet-id", associations(NetworkAclAssociation::subnetId))
            .onValue("default", NetworkAcl::isDefault)
            .on("entry.cidr", entries(NetworkAclEntry::cidrBlock))
            .on("entry.icmp.code", entries(e -> e.icmpTypeCode() == null ? null : String.valueOf(e.icmpTypeCode().code())))
            .on("entry.icmp.type", entries(e -> e.icmpTypeCode() == null ? null : String.valueOf(e.icmpTypeCode().type())))
            .on("entry.ipv6-cidr", entries(NetworkAclEntry::ipv6CidrBlock))
            .on("entry.port-range.from", entries(e -> e.portRange() == null ? null : String.valueOf(e.portRange().from())))
            .on("entry.port-range.to", entries(e -> e.portRange() == null ? null : String.valueOf(e.portRange().to())))
            .on("entry.protocol", entries(NetworkAclEntry::protocol))
            .on("entry.rule-action", entries(NetworkAclEntry::ruleActionAsString))
            .on("entry.egress", entries(e -> String.valueOf(e.egress())))
            .on("entry.rule-number", entries(e -> String.valueOf(e.ruleNumber())))
            .onValue("network-acl-id", NetworkAcl::networkAclId)
            .onValue("owner-id", NetworkAcl::ownerId)
            .onValue("vpc-id", NetworkAcl::vpcId)
            .withTags(a -> Tags.asMap(a.tags()));

    private NetworkAclViews() {
    }

    static NetworkAcl render(NetworkAclRecord acl) {
        NetworkAcl.Builder b = NetworkAcl.builder()
                .networkAclId(acl.id)
                .vpcId(acl.vpcId)
                .ownerId(acl.ownerId)
                .isDefault(acl.isDefault)
                .entries(acl.entries.stream().map(NetworkAclViews::entry).toList())
                .associations(acl.associations.stream().map(a -> NetworkAclAssociation.builder()
                        .networkAclAssociationId(a.associationId()).networkAclId(acl.id).subnetId(a.subnetId()).build()).toList());
        if (!acl.tags.isEmpty()) {
            b.tags(Tags.toSdk(acl.tags));
        }
        return b.build();
    }

    private static NetworkAclEntry entry(AclEntry e) {
        NetworkAclEntry.Builder b = NetworkAclEntry.builder()
                .ruleNumber(e.ruleNumber())
                .egress(e.egress())
                .protocol(e.protocol())
                .ruleAction(e.ruleAction())
                .cidrBlock(e.cidrBlock())
                .ipv6CidrBlock(e.ipv6CidrBlock());
        if (e.fromPort() != null) {
            b.portRange(PortRange.builder().from(e.fromPort()).to(e.toPort()).build());
        }
        if (e.icmpType() != null) {
            b.icmpTypeCode(IcmpTypeCode.builder().type(e.icmpType()).code(e.icmpCode()).build());
        }
        return b.build();
    }

    private static Function<NetworkAcl, Collection<String>> associations(Function<NetworkAclAssociation, String> field) {
        return a -> a.associations().stream().map(field).filter(Objects::nonNull).toList();
    }

    private static Function<NetworkAcl, Collection<String>> entries(Function<NetworkAclEntry, String> field) {
        return a -> a.entries().stream().map(field).filter(Objects::nonNull).toList();
    }
}
