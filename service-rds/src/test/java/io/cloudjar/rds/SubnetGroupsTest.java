package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Subnet;

/** DB subnet groups over a custom VPC's subnets from service-vpc. */
class SubnetGroupsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;
    static Ec2Client ec2;
    static TestNetwork net;

    @BeforeAll
    static void clients() {
        rds = cloudjar.client(RdsClient.builder());
        ec2 = cloudjar.client(Ec2Client.builder());
        net = TestNetwork.create(ec2);
    }

    @AfterAll
    static void close() {
        rds.close();
        ec2.close();
    }

    @Test
    void aGroupCoversTwoZonesOfOneVpc() {
        DBSubnetGroup group = rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("App-DB").dbSubnetGroupDescription("app")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)).tags(t -> t.key("team").value("a"))).dbSubnetGroup();
        assertThat(group.dbSubnetGroupName()).isEqualTo("app-db"); // RDS keeps names lower-case
        assertThat(group.vpcId()).isEqualTo(net.vpcId());
        assertThat(group.subnetGroupStatus()).isEqualTo("Complete");
        assertThat(group.dbSubnetGroupArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:subgrp:app-db");
        assertThat(group.subnets()).extracting(s -> s.subnetAvailabilityZone().name()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("app-db")).dbSubnetGroups()).hasSize(1);
        assertThat(rds.listTagsForResource(r -> r.resourceName(group.dbSubnetGroupArn())).tagList())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=a");

        fails(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("app-db").dbSubnetGroupDescription("again")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1))), "DBSubnetGroupAlreadyExists", 400);

        DBSubnetGroup modified = rds.modifyDBSubnetGroup(r -> r.dbSubnetGroupName("app-db")
                .subnetIds(net.subnetIds())).dbSubnetGroup();
        assertThat(modified.subnets()).extracting(Subnet::subnetIdentifier).containsExactlyElementsOf(net.subnetIds());
        assertThat(modified.dbSubnetGroupDescription()).isEqualTo("app");

        rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("app-db"));
        fails(() -> rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("app-db")), "DBSubnetGroupNotFoundFault", 404);
        fails(() -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("app-db")), "DBSubnetGroupNotFoundFault", 404);
    }

    @Test
    void oneZoneIsNotEnough() {
        String message = fails(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("one-az").dbSubnetGroupDescription("x")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(2))), "DBSubnetGroupDoesNotCoverEnoughAZs", 400);
        assertThat(message).contains("Current AZ coverage: us-east-1a").contains("at least 2 AZs");
        fails(() -> rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("one-az")), "DBSubnetGroupNotFoundFault", 404);
    }

    @Test
    void subnetsMustExistAndShareAVpc() {
        fails(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("ghost").dbSubnetGroupDescription("x")
                .subnetIds(net.subnetIds().get(0), "subnet-0123456789abcdef0")), "InvalidSubnet", 400);
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String other = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.30.1.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        fails(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("two-vpcs").dbSubnetGroupDescription("x")
                .subnetIds(net.subnetIds().get(0), other)), "InvalidSubnet", 400);
        fails(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("default").dbSubnetGroupDescription("x")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1))), "InvalidParameterValue", 400);
    }
}
