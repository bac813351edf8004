package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

/** Peering, interface endpoints, prefix lists and flow logs. */
class ConnectivityTest {
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

    private VpcPeeringConnection peering(Ec2Client client, String id) {
        return client.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(id)).vpcPeeringConnections().get(0);
    }

    @Test
    void peeringIsRequestedAcceptedRoutedAndDeleted() {
        String peer = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        VpcPeeringConnection requested = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(peer)).vpcPeeringConnection();
        assertThat(requested.vpcPeeringConnectionId()).matches("pcx-[0-9a-f]{17}");
        assertThat(requested.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.INITIATING_REQUEST);
        String id = requested.vpcPeeringConnectionId();
        assertThat(peering(ec2, id).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE);

        String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(id));
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().get(1).stateAsString())
                .isEqualTo("blackhole");
        ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        VpcPeeringConnection active = peering(ec2, id);
        assertThat(active.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.ACTIVE);
        assertThat(active.accepterVpcInfo().cidrBlock()).isEqualTo("10.1.0.0/16");
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().get(1).stateAsString())
                .isEqualTo("active");
        assertEc2Error(() -> ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id)), "InvalidStateTransition", 400);

        ec2.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        assertThat(peering(ec2, id).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.DELETED);
        assertEc2Error(() -> ec2.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds("pcx-00000000000000000")),
                "InvalidVpcPeeringConnectionID.NotFound", 400);
    }

    @Test
    void peeringAcrossAccountsIsAcceptedByTheAccepterOnly() {
        try (Ec2Client other = cloudjar.client(Ec2Client.builder(), Region.US_EAST_1, "222222222222", "test")) {
            String theirs = other.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            String id = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(theirs).peerOwnerId("222222222222"))
                    .vpcPeeringConnection().vpcPeeringConnectionId();
            assertEc2Error(() -> ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id)), "OperationNotPermitted", 400);
            assertThat(peering(other, id).requesterVpcInfo().ownerId()).isEqualTo("000000000000");
            other.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
            assertThat(peering(ec2, id).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.REJECTED);
        }
    }

    @Test
    void overlappingOrMissingPeersFail() {
        String overlapping = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String id = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(overlapping)).vpcPeeringConnection().vpcPeeringConnectionId();
        assertThat(peering(ec2, id).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.FAILED);
        assertEc2Error(() -> ec2.createVpcPeeringConnection(r -> r.vpcId("vpc-00000000000000000").peerVpcId(overlapping)),
                "InvalidVpcID.NotFound", 400);
        assertEc2Error(() -> ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(vpcId)), "InvalidParameterValue", 400);
    }

    @Test
    void interfaceEndpointTakesAnAddressInEachSubnet() {
        String a = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        String sameZone = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.3.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        var endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpcId).vpcEndpointType("Interface").serviceName("com.amazonaws.us-east-1.ssm")
                .subnetIds(a, b)).vpcEndpoint();
        assertThat(endpoint.stateAsString()).isEqualTo("pending");
        assertThat(endpoint.networkInterfaceIds()).hasSize(2);
        assertThat(endpoint.privateDnsEnabled()).isTrue();
        assertThat(endpoint.dnsEntries()).singleElement().satisfies(d -> assertThat(d.dnsName()).endsWith(".ssm.us-east-1.vpce.amazonaws.com"));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(a)).subnets().get(0).availableIpAddressCount()).isEqualTo(250);
        assertThat(ec2.describeVpcEndpoints(r -> r.filters(filter("vpc-endpoint-type", "Interface"))).vpcEndpoints())
                .singleElement().satisfies(e -> assertThat(e.stateAsString()).isEqualTo("available"));
        assertEc2Error(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).addSubnetIds(sameZone)),
                "DuplicateSubnetsInSameZone", 400);
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(a)), "DependencyViolation", 400);
        ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId()));
        ec2.deleteSubnet(r -> r.subnetId(a));
        assertEc2Error(() -> ec2.createVpcEndpoint(r -> r.vpcId(vpcId).vpcEndpointType("Gateway").serviceName("com.amazonaws.us-east-1.ssm")),
                "InvalidParameter", 400);
        assertThat(ec2.describeVpcEndpointServices(r -> r.serviceNames("com.amazonaws.us-east-1.s3")).serviceDetails())
                .singleElement().satisfies(d -> assertThat(d.serviceType()).hasSize(2));
    }

    @Test
    void awsManagedPrefixListsCarryTheServiceRanges() {
        var lists = ec2.describeManagedPrefixLists(r -> r.filters(filter("owner-id", "AWS"))).prefixLists();
        assertThat(lists).extracting(l -> l.prefixListName())
                .containsExactlyInAnyOrder("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb");
        assertThat(ec2.getManagedPrefixListEntries(r -> r.prefixListId("pl-02cd2c6b")).entries()).isNotEmpty();
        assertEc2Error(() -> ec2.getManagedPrefixListEntries(r -> r.prefixListId("pl-00000000")), "InvalidPrefixListID.NotFound", 400);
    }

    @Test
    void flowLogsAreStoredConfigurationsWithPerResourceFailures() {
        var created = ec2.createFlowLogs(r -> r.resourceIds(vpcId, "vpc-00000000000000000").resourceType("VPC").trafficType("ALL")
                .logDestinationType("s3").logDestination("arn:aws:s3:::flow-logs"));
        assertThat(created.flowLogIds()).singleElement().satisfies(id -> assertThat(id).matches("fl-[0-9a-f]{17}"));
        assertThat(created.unsuccessful()).singleElement()
                .satisfies(u -> assertThat(u.error().code()).isEqualTo("InvalidVpcID.NotFound"));
        assertThat(ec2.describeFlowLogs(r -> r.filter(filter("resource-id", vpcId))).flowLogs()).singleElement().satisfies(f -> {
            assertThat(f.flowLogStatus()).isEqualTo("ACTIVE");
            assertThat(f.logFormat()).startsWith("${version} ${account-id}");
        });
        assertEc2Error(() -> ec2.createFlowLogs(r -> r.resourceIds(vpcId).resourceType("VPC").trafficType("ALL").logGroupName("g")),
                "InvalidParameter", 400);
        String id = created.flowLogIds().get(0);
        assertThat(ec2.deleteFlowLogs(r -> r.flowLogIds(id)).unsuccessful()).isEmpty();
        assertThat(ec2.deleteFlowLogs(r -> r.flowLogIds(id)).unsuccessful()).singleElement()
                .satisfies(u -> assertThat(u.error().code()).isEqualTo("InvalidFlowLogId.NotFound"));
    }

    @Test
    void onlyTheRequesterDeletesAPendingRequestAndAnUnansweredOneExpiresAfterAWeek() {
        try (Ec2Client other = cloudjar.client(Ec2Client.builder(), Region.US_EAST_1, "222222222222", "test")) {
            String theirs = other.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            String first = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(theirs).peerOwnerId("222222222222"))
                    .vpcPeeringConnection().vpcPeeringConnectionId();
            assertEc2Error(() -> other.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(first)), "OperationNotPermitted", 400);
            assertEc2Error(() -> other.deleteVpc(r -> r.vpcId(theirs)), "DependencyViolation", 400,
                    "The vpc '" + theirs + "' has dependencies and cannot be deleted.");
            ec2.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(first));
            assertThat(peering(other, first).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.DELETED);

            String second = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(theirs).peerOwnerId("222222222222"))
                    .vpcPeeringConnection().vpcPeeringConnectionId();
            assertThat(peering(ec2, second).expirationTime()).isNotNull();
            cloudjar.advanceClock(Duration.ofDays(7));
            assertThat(peering(ec2, second).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.EXPIRED);
            assertEc2Error(() -> other.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(second)), "InvalidStateTransition", 400);
            other.deleteVpc(r -> r.vpcId(theirs));
        }
    }

    @Test
    void deletingAVpcEndsItsPeeringConnections() {
        String peer = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String id = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(peer)).vpcPeeringConnection().vpcPeeringConnectionId();
        ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(id));
        ec2.deleteVpc(r -> r.vpcId(peer));
        assertThat(peering(ec2, id).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.DELETED);
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().get(1).stateAsString())
                .isEqualTo("blackhole");
    }
}
