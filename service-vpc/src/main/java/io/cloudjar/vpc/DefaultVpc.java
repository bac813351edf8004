package io.cloudjar.vpc;

import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.Map;

/**
 * The default VPC that every account has in every region, {@code 172.31.0.0/16}, created the first time
 * the account touches the region's networking.
 */
final class DefaultVpc {
    static final String CIDR = "172.31.0.0/16";

    private DefaultVpc() {
    }

    /** Called once per fresh {@link NetworkState}, under its lock. */
    static void install(NetworkState state, String accountId, String region) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(CIDR).orElseThrow();
        VpcRecord vpc = VpcFactory.create(state, accountId, VpcFactory.Spec.ipv4(cidr, "default", true, Map.of()));
        state.putVpc(vpc);
        // Companions join here with the default-VPC issue: one default /20 subnet per availability zone of
        // `region` (172.31.0.0/20, 172.31.16.0/20, …), an attached internet gateway, the main route table
        // with 0.0.0.0/0 → IGW, and the default security group and network ACL.
    }
}
