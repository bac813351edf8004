package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcState;

class VpcLifecycleTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    @Test
    void createdVpcIsDescribedAndThenDeleted() {
        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(t -> t
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("main").build()))).vpc();

        assertThat(created.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(created.state()).isEqualTo(VpcState.PENDING);
        assertThat(created.cidrBlock()).isEqualTo("10.0.0.0/16");
        assertThat(created.dhcpOptionsId()).matches("dopt-[0-9a-f]{17}");
        assertThat(created.instanceTenancy()).isEqualTo(Tenancy.DEFAULT);
        assertThat(created.isDefault()).isFalse();
        assertThat(created.ownerId()).isEqualTo("000000000000");
        assertThat(created.cidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.associationId()).matches("vpc-cidr-assoc-[0-9a-f]{17}");
            assertThat(a.cidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(a.cidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATED);
        });
        assertThat(created.ipv6CidrBlockAssociationSet()).isEmpty();
        assertThat(created.tags()).containsExactly(Tag.builder().key("Name").value("main").build());

        Vpc described = ec2.describeVpcs(r -> r.vpcIds(created.vpcId())).vpcs().get(0);
        assertThat(described.state()).isEqualTo(VpcState.AVAILABLE);
        assertThat(described.toBuilder().state(VpcState.PENDING).build()).isEqualTo(created);

        ec2.deleteVpc(r -> r.vpcId(created.vpcId()));
        String gone = "The vpc ID '" + created.vpcId() + "' does not exist";
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds(created.vpcId())), "InvalidVpcID.NotFound", 400, gone);
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(created.vpcId())), "InvalidVpcID.NotFound", 400, gone);
        assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(created.vpcId());
    }

    @Test
    void everyAccountAndRegionStartsWithOneDefaultVpc() {
        List<Vpc> vpcs = ec2.describeVpcs().vpcs();
        assertThat(vpcs).singleElement().satisfies(v -> {
            assertThat(v.isDefault()).isTrue();
            assertThat(v.cidrBlock()).isEqualTo("172.31.0.0/16");
            assertThat(v.state()).isEqualTo(VpcState.AVAILABLE);
            assertThat(v.ownerId()).isEqualTo("000000000000");
            assertThat(v.tags()).isEmpty();
        });
        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc();
        assertThat(created.dhcpOptionsId()).as("one default DHCP option set per region").isEqualTo(vpcs.get(0).dhcpOptionsId());

        try (Ec2Client other = cloudjar.client(Ec2Client.builder(), Region.EU_WEST_1, "test", "test");
             Ec2Client account = cloudjar.client(Ec2Client.builder(), Region.US_EAST_1, "111111111111", "test")) {
            Vpc otherRegion = other.describeVpcs().vpcs().get(0);
            assertThat(otherRegion.isDefault()).isTrue();
            assertThat(otherRegion.vpcId()).isNotEqualTo(vpcs.get(0).vpcId());
            assertThat(otherRegion.dhcpOptionsId()).isNotEqualTo(vpcs.get(0).dhcpOptionsId());
            assertThat(account.describeVpcs().vpcs()).singleElement()
                    .satisfies(v -> assertThat(v.ownerId()).isEqualTo("111111111111"));
            assertEc2Error(() -> account.describeVpcs(r -> r.vpcIds(created.vpcId())), "InvalidVpcID.NotFound", 400);
        }

        cloudjar.reset();
        assertThat(ec2.describeVpcs().vpcs()).singleElement()
                .satisfies(v -> assertThat(v.vpcId()).isNotEqualTo(vpcs.get(0).vpcId()));
    }

    @Test
    void amazonProvidedIpv6BlockIsASlash56FromTheAmazonPool() {
        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc();
        assertThat(created.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.ipv6CidrBlock()).matches("2600:1f18:[0-9a-f]{1,4}:[0-9a-f]{1,2}00::/56");
            assertThat(a.associationId()).matches("vpc-cidr-assoc-[0-9a-f]{17}");
            assertThat(a.ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATING);
            assertThat(a.networkBorderGroup()).isEqualTo("us-east-1");
            assertThat(a.ipv6Pool()).isEqualTo("Amazon");
        });
        Vpc described = ec2.describeVpcs(r -> r.vpcIds(created.vpcId())).vpcs().get(0);
        assertThat(described.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.ipv6CidrBlock()).isEqualTo(created.ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock());
            assertThat(a.ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATED);
        });
    }

    @Test
    void dedicatedTenancyIsKept() {
        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/28").instanceTenancy(Tenancy.DEDICATED)).vpc();
        assertThat(created.instanceTenancy()).isEqualTo(Tenancy.DEDICATED);
        assertThat(ec2.describeVpcs(r -> r.vpcIds(created.vpcId())).vpcs().get(0).instanceTenancy()).isEqualTo(Tenancy.DEDICATED);
    }

    @Test
    void dryRunAnswersDryRunOperationAndCreatesNothing() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.4.0.0/16").dryRun(true)), "DryRunOperation", 412);
        assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::cidrBlock).containsExactly("172.31.0.0/16");
    }

    @Test
    void concurrentCreatesAllSucceedWithDistinctIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Vpc>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String cidr = "10." + i + ".0.0/16";
                futures.add(pool.submit(() -> ec2.createVpc(r -> r.cidrBlock(cidr).amazonProvidedIpv6CidrBlock(true)).vpc()));
            }
            List<String> ids = new ArrayList<>();
            List<String> ipv6 = new ArrayList<>();
            for (Future<Vpc> f : futures) {
                ids.add(f.get().vpcId());
                ipv6.add(f.get().ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock());
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ipv6).doesNotHaveDuplicates();
            assertThat(ec2.describeVpcs().vpcs()).hasSize(41).filteredOn(Vpc::isDefault).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
