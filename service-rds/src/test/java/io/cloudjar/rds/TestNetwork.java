package io.cloudjar.rds;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A custom VPC with one subnet in each of three zones, as the seeds build it for a database. */
record TestNetwork(String vpcId, List<String> subnetIds, String securityGroupId) {
    static TestNetwork create(Ec2Client ec2) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        String a2 = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.3.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db").description("database")).groupId();
        return new TestNetwork(vpc, List.of(a, b, a2), sg);
    }
}
