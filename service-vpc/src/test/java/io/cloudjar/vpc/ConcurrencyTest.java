package io.cloudjar.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Concurrent calls against one subnet and one group keep addresses and rules consistent. */
class ConcurrencyTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void concurrentInterfacesGetDistinctAddressesAndTheCountAddsUp() throws Exception {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/26")).subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("g").description("g")).groupId();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> ips = new ArrayList<>();
                List<Future<?>> rules = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int port = 2000 + i;
                    ips.add(pool.submit(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().privateIpAddress()));
                    rules.add(pool.submit(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                            .ipPermissions(SecurityGroupTest.tcp(port, "10.0.0.0/8")))));
                }
                List<String> addresses = new ArrayList<>();
                for (Future<String> f : ips) {
                    addresses.add(f.get());
                }
                for (Future<?> f : rules) {
                    f.get();
                }
                assertThat(addresses).doesNotHaveDuplicates().hasSize(40);
                assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount()).isEqualTo(64 - 5 - 40);
                assertThat(ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0).ipPermissions()).hasSize(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
