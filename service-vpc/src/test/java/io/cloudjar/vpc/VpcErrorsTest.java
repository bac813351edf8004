package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tenancy;

class VpcErrorsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static Ec2Client ec2;

    @BeforeAll
    static void client() {
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    @Test
    void createVpcNeedsACidrBlockOrAnIpamPool() {
        assertEc2Error(() -> ec2.createVpc(r -> r.instanceTenancy(Tenancy.DEFAULT)), "MissingParameter", 400,
                "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/16", "10.0.0.0", "10.0.0.0/33", "10.0.0/16", "256.0.0.0/16", "ten/16", "10.0.0.0/x", "10.00.0.0/16"})
    void malformedCidrBlocksAreInvalidParameterValues(String cidr) {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock(cidr)), "InvalidParameterValue", 400,
                "Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "10.0.0.0/15", "10.0.0.0/29", "10.0.0.0/32", "0.0.0.0/0"})
    void netmasksOutsideSixteenToTwentyEightAreInvalidRanges(String cidr) {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock(cidr)), "InvalidVpc.Range", 400,
                "The CIDR '" + cidr + "' is invalid.");
    }

    @Test
    void netmasksSixteenAndTwentyEightAreAccepted() {
        assertThat(ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().cidrBlock()).isEqualTo("10.9.0.0/16");
        assertThat(ec2.createVpc(r -> r.cidrBlock("10.9.1.16/28")).vpc().cidrBlock()).isEqualTo("10.9.1.16/28");
    }

    @Test
    void tagSpecificationsForAnotherResourceTypeAreRejected() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                        .tagSpecifications(t -> t.resourceType(ResourceType.SUBNET).tags(g -> g.key("a").value("b")))),
                "InvalidParameterValue", 400, "'subnet' is not a valid taggable resource type for this operation.");
    }

    @Test
    void reservedTagKeysAreRejected() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                        .tagSpecifications(t -> t.resourceType(ResourceType.VPC).tags(g -> g.key("aws:owner").value("b")))),
                "InvalidParameterValue", 400);
    }

    @Test
    void hostTenancyIsNotForVpcs() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").instanceTenancy(Tenancy.HOST)), "InvalidParameterValue", 400);
    }

    @Test
    void unknownIpamPoolIsNotFound() {
        assertEc2Error(() -> ec2.createVpc(r -> r.ipv4IpamPoolId("ipam-pool-0123456789abcdef0").ipv4NetmaskLength(16)),
                "InvalidIpamPoolId.NotFound", 400);
    }

    @Test
    void unknownVpcIdsAreNotFound() {
        String known = ec2.describeVpcs().vpcs().get(0).vpcId();
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds(known, "vpc-0000000000000000f")), "InvalidVpcID.NotFound", 400,
                "The vpc ID 'vpc-0000000000000000f' does not exist");
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId("vpc-0000000000000000e")), "InvalidVpcID.NotFound", 400,
                "The vpc ID 'vpc-0000000000000000e' does not exist");
    }

    @Test
    void vpcIdsCannotBePagedWithMaxResults() {
        String known = ec2.describeVpcs().vpcs().get(0).vpcId();
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds(known).maxResults(5)), "InvalidParameterCombination", 400,
                "The parameter VpcIds cannot be used with the parameter MaxResults");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 1001})
    void maxResultsOutsideFiveToOneThousandIsInvalid(int maxResults) {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.maxResults(maxResults)), "InvalidParameterValue", 400);
    }

    @Test
    void unknownFilterNamesAreInvalid() {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.filters(f -> f.name("cidr-block").values("10.0.0.0/16"))),
                "InvalidParameterValue", 400, "The filter 'cidr-block' is invalid");
    }

    @Test
    void aFilterWithoutANameIsInvalid() {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.filters(f -> f.values("x"))), "InvalidParameterValue", 400);
    }
}
