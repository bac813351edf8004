package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Subnets: AWS's CIDR rules, the five reserved addresses, attributes, filters and pages. */
class SubnetTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    @ParameterizedTest
    @CsvSource({"10.0.1.0/24,251", "10.0.2.0/28,11", "10.0.128.0/17,32763", "10.0.0.0/16,65531"})
    void fiveAddressesOfEverySubnetAreReserved(String cidr, int available) {
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone("us-east-1b")).subnet();
        assertThat(subnet.subnetId()).matches("subnet-[0-9a-f]{17}");
        assertThat(subnet.availableIpAddressCount()).isEqualTo(available);
        assertThat(subnet.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(subnet.availabilityZoneId()).isEqualTo("use1-az2");
        assertThat(subnet.defaultForAz()).isFalse();
        assertThat(subnet.mapPublicIpOnLaunch()).isFalse();
        assertThat(subnet.stateAsString()).isEqualTo("available");
    }

    @Test
    void blocksOutsideTheVpcOrOfTheWrongSizeAreInvalidRanges() {
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.1.0.0/24")), "InvalidSubnet.Range", 400,
                "The CIDR '10.1.0.0/24' is invalid.");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.0.0/29")), "InvalidSubnet.Range", 400);
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.0.0/15")), "InvalidSubnet.Range", 400);
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.5/24")), "InvalidParameterValue", 400,
                "Value (10.0.1.5/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId("vpc-00000000000000000").cidrBlock("10.0.1.0/24")),
                "InvalidVpcID.NotFound", 400);
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1z")),
                "InvalidParameterValue", 400);
    }

    @Test
    void overlappingBlocksConflict() {
        ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24"));
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.128/25")), "InvalidSubnet.Conflict", 400,
                "The CIDR '10.0.1.128/25' conflicts with another subnet");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.0.0/23")), "InvalidSubnet.Conflict", 400);
        String other = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        assertThat(ec2.createSubnet(r -> r.vpcId(other).cidrBlock("10.0.1.0/24")).subnet().cidrBlock())
                .as("another VPC may reuse the block").isEqualTo("10.0.1.0/24");
    }

    @Test
    void interfacesTakeAddressesAndKeepTheSubnetFromBeingDeleted() {
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/28")).subnet().subnetId();
        List<String> enis = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            enis.add(ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId());
        }
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount()).isZero();
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId)), "InsufficientFreeAddressesInSubnet", 400);
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation", 400,
                "The subnet '" + subnetId + "' has dependencies and cannot be deleted.");
        enis.forEach(id -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(id)));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount()).isEqualTo(11);
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "InvalidSubnetID.NotFound", 400,
                "The subnet ID '" + subnetId + "' does not exist");
    }

    @Test
    void attributesChangeOneAtATime() {
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(v -> v.value(true)));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).privateDnsHostnameTypeOnLaunch("resource-name"));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).enableResourceNameDnsARecordOnLaunch(v -> v.value(true)));
        Subnet subnet = ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
        assertThat(subnet.mapPublicIpOnLaunch()).isTrue();
        assertThat(subnet.privateDnsNameOptionsOnLaunch().hostnameTypeAsString()).isEqualTo("resource-name");
        assertThat(subnet.privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord()).isTrue();
        assertThat(ec2.describeSubnets(r -> r.filters(filter("map-public-ip-on-launch", "true"), filter("vpc-id", vpcId))).subnets())
                .extracting(Subnet::subnetId).containsExactly(subnetId);
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId("subnet-00000000000000000").mapPublicIpOnLaunch(v -> v.value(true))),
                "InvalidSubnetID.NotFound", 400);
    }

    @Test
    void filtersAndPagesWorkTogether() {
        for (int i = 0; i < 7; i++) {
            int n = i;
            ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0." + n + ".0/24").availabilityZone(n % 2 == 0 ? "us-east-1a" : "us-east-1c")
                    .tagSpecifications(t -> t.resourceType(ResourceType.SUBNET).tags(Tag.builder().key("tier").value(n < 4 ? "public" : "private").build())));
        }
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId), filter("tag:tier", "public"))).subnets()).hasSize(4);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId), filter("availability-zone", "us-east-1c"))).subnets()).hasSize(3);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("cidr-block", "10.0.?.0/24"), filter("vpc-id", vpcId))).subnets()).hasSize(7);

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeSubnetsResponse page = ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId)).maxResults(5).nextToken(next));
            assertThat(page.subnets()).hasSizeLessThanOrEqualTo(5);
            page.subnets().forEach(s -> seen.add(s.subnetId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();

        assertEc2Error(() -> ec2.describeSubnets(r -> r.filters(filter("bogus", "x"))), "InvalidParameterValue", 400,
                "The filter 'bogus' is invalid");
        assertEc2Error(() -> ec2.describeSubnets(r -> r.maxResults(4)), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.describeSubnets(r -> r.subnetIds("subnet-00000000000000000")), "InvalidSubnetID.NotFound", 400);
    }

    @Test
    void dryRunCreatesNothing() {
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").dryRun(true)), "DryRunOperation", 412,
                "Request would have succeeded, but DryRun flag is set.");
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId))).subnets()).isEmpty();
    }
}
