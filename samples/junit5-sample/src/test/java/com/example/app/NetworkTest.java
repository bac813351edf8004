package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudjar.junit5.CloudjarExtension;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The extension registered in code, with a client built once for the class. */
class NetworkTest {
    @RegisterExtension
    static final CloudjarExtension CLOUDJAR = CloudjarExtension.create().withServices("ec2");

    static Ec2Client ec2;

    @BeforeAll
    static void connect(URI endpoint) {
        ec2 = CLOUDJAR.client(Ec2Client.class);
        assertEquals(CLOUDJAR.endpoint(), endpoint);
    }

    @AfterAll
    static void disconnect() {
        ec2.close();
    }

    @Test
    void createsAVpcWithASubnet() {
        String vpcId = ec2.createVpc(v -> v.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        ec2.createSubnet(s -> s.vpcId(vpcId).cidrBlock("10.20.1.0/24"));

        Vpc vpc = ec2.describeVpcs(d -> d.vpcIds(vpcId)).vpcs().get(0);
        assertEquals("10.20.0.0/16", vpc.cidrBlock());
        assertEquals(1, ec2.describeSubnets(d -> d.filters(f -> f.name("vpc-id").values(vpcId))).subnets().size());
    }
}
