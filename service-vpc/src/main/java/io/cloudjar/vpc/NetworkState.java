package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.support.Ipv6BlockPool;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The networking of one account in one region. Reads go straight to concurrent maps; every change takes
 * this object's lock, so compound checks (e.g. "no subnets left" before deleting a VPC) see a stable view.
 */
final class NetworkState {
    private final ConcurrentSkipListMap<String, VpcRecord> vpcs = new ConcurrentSkipListMap<>();
    private final Ipv6BlockPool ipv6Blocks = new Ipv6BlockPool();
    // Every VPC starts with the region's default DHCP options; DescribeDhcpOptions arrives later.
    private final String defaultDhcpOptionsId = Ids.ec2("dopt");
    private volatile boolean initialized;

    /** Runs {@code defaults} (the default VPC and its companions) once, before anyone reads the state. */
    void initializeOnce(Runnable defaults) {
        if (!initialized) {
            synchronized (this) {
                if (!initialized) {
                    defaults.run();
                    initialized = true;
                }
            }
        }
    }

    String defaultDhcpOptionsId() {
        return defaultDhcpOptionsId;
    }

    Ipv6BlockPool ipv6Blocks() {
        return ipv6Blocks;
    }

    Optional<VpcRecord> vpc(String vpcId) {
        return Optional.ofNullable(vpcId == null ? null : vpcs.get(vpcId));
    }

    /** All VPCs, sorted by id. */
    Collection<VpcRecord> vpcs() {
        return Collections.unmodifiableCollection(vpcs.values());
    }

    synchronized void putVpc(VpcRecord vpc) {
        vpcs.put(vpc.vpcId(), vpc);
    }

    /** Removes the VPC and gives its IPv6 blocks back to the pool. */
    synchronized VpcRecord removeVpc(String vpcId) {
        VpcRecord vpc = vpc(vpcId).orElseThrow(() -> VpcErrors.vpcNotFound(vpcId));
        // Seam for the subnet issue: refuse while subnets, gateways, ENIs or non-default security groups
        // remain, with DependencyViolation "The vpc 'vpc-…' has dependencies and cannot be deleted."
        vpcs.remove(vpcId);
        vpc.ipv6Associations().forEach(a -> ipv6Blocks.release(a.ipv6CidrBlock()));
        return vpc;
    }
}
