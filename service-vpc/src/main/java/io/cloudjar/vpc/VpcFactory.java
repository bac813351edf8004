package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.VpcRecord.CidrAssociation;
import io.cloudjar.vpc.VpcRecord.Ipv6Association;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6BlockPool;
import java.util.List;
import java.util.Map;

/** Builds new VPC records with AWS-shaped ids, for CreateVpc and the default VPC alike. */
final class VpcFactory {
    private VpcFactory() {
    }

    /** What a new VPC is made of, once the request has been validated. */
    record Spec(Ipv4Cidr cidr, String instanceTenancy, boolean isDefault, String ipv6BorderGroup,
                Map<String, String> tags) {
        /** A spec without IPv6 ({@code ipv6BorderGroup} null). */
        static Spec ipv4(Ipv4Cidr cidr, String instanceTenancy, boolean isDefault, Map<String, String> tags) {
            return new Spec(cidr, instanceTenancy, isDefault, null, tags);
        }
    }

    static VpcRecord create(NetworkState state, String accountId, Spec spec) {
        String cidr = spec.cidr().toString();
        List<Ipv6Association> ipv6 = spec.ipv6BorderGroup() == null ? List.of()
                : List.of(new Ipv6Association(associationId(), state.ipv6Blocks().allocate(), spec.ipv6BorderGroup(),
                        Ipv6BlockPool.AMAZON_POOL, VpcRecord.ASSOCIATED));
        return new VpcRecord(Ids.ec2("vpc"), accountId, cidr,
                List.of(new CidrAssociation(associationId(), cidr, VpcRecord.ASSOCIATED)), ipv6,
                spec.instanceTenancy(), state.defaultDhcpOptionsId(), spec.isDefault(), VpcRecord.AVAILABLE, spec.tags());
    }

    /** IPv4 and IPv6 associations share the {@code vpc-cidr-assoc-} prefix. */
    static String associationId() {
        return Ids.ec2("vpc-cidr-assoc");
    }
}
