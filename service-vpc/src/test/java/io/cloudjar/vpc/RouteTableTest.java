package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/** Route tables: routes to each kind of target, conflicts, black holes and associations. */
class RouteTableTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;
    private String tableId;
    private String igw;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    private RouteTable table() {
        return ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0);
    }

    @Test
    void newTableHasTheLocalRouteAndNoAssociations() {
        RouteTable created = table();
        assertThat(tableId).matches("rtb-[0-9a-f]{17}");
        assertThat(created.routes()).extracting(Route::destinationCidrBlock, Route::gatewayId, r -> r.stateAsString())
                .containsExactly(tuple("10.0.0.0/16", "local", "active"));
        assertThat(created.associations()).isEmpty();
        assertEc2Error(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")), "InvalidParameterValue", 400,
                "cannot remove local route 10.0.0.0/16 in route table " + tableId);
    }

    @Test
    void routeToAnInternetGatewayNeedsItAttachedAndBlackHolesWhenDetached() {
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)),
                "InvalidParameterValue", 400, "route table " + tableId + " and network gateway " + igw + " belong to different networks");
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertThat(ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)).returnValue()).isTrue();
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)),
                "RouteAlreadyExists", 400, "The route identified by 0.0.0.0/0 already exists.");
        String inside = "Route target is not supported. This route only supports interface and instance targets.";
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16").gatewayId(igw)),
                "InvalidParameterValue", 400, inside);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.1.0/24").gatewayId(igw)),
                "InvalidParameterValue", 400, inside);
        assertThat(table().routes().get(1).stateAsString()).isEqualTo("active");
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertThat(table().routes().get(1).stateAsString()).isEqualTo("blackhole");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.state", "blackhole"))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(tableId);
    }

    @Test
    void routeTargetsMustExistAndBeUnique() {
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-00000000000000000")),
                "InvalidNatGatewayID.NotFound", 400, "The natGateway ID 'nat-00000000000000000' does not exist");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId("igw-00000000000000000")),
                "InvalidGatewayID.NotFound", 400);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")), "MissingParameter", 400);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).gatewayId(igw)), "MissingParameter", 400);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)
                .natGatewayId("nat-00000000000000000")), "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId("rtb-00000000000000000").destinationCidrBlock("0.0.0.0/0").gatewayId(igw)),
                "InvalidRouteTableID.NotFound", 400, "The routeTable ID 'rtb-00000000000000000' does not exist");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").instanceId("i-00000000000000000")),
                "InvalidInstanceID.NotFound", 400);
    }

    @Test
    void routesToNatGatewaysInterfacesAndPrefixListsAndReplacingThem() {
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)); // a public NAT gateway needs it
        var eip = ec2.allocateAddress(r -> { });
        String nat = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId())).natGateway().natGatewayId();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.0.0/16").networkInterfaceId(eni));
        ec2.createRoute(r -> r.routeTableId(tableId).destinationPrefixListId("pl-63a5400a").networkInterfaceId(eni));
        assertThat(table().routes()).extracting(Route::destinationCidrBlock, Route::destinationPrefixListId, Route::natGatewayId,
                        Route::networkInterfaceId, r -> r.stateAsString())
                .containsExactly(tuple("10.0.0.0/16", null, null, null, "active"), tuple("0.0.0.0/0", null, nat, null, "active"),
                        tuple("192.168.0.0/16", null, null, eni, "active"), tuple(null, "pl-63a5400a", null, eni, "active"));
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", nat))).routeTables()).hasSize(1);

        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").networkInterfaceId(eni));
        assertThat(table().routes().get(1).networkInterfaceId()).isEqualTo(eni);
        assertEc2Error(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("172.16.0.0/12").networkInterfaceId(eni)),
                "InvalidParameterValue", 400, "There is no route defined for '172.16.0.0/12' in the route table. Use CreateRoute instead.");
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.0.0/16"));
        assertEc2Error(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.0.0/16")), "InvalidRoute.NotFound", 400,
                "no route with destination-cidr-block 192.168.0.0/16 in route table " + tableId);
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationPrefixListId("pl-00000000").networkInterfaceId(eni)),
                "InvalidPrefixListID.NotFound", 400);
    }

    @Test
    void subnetHasOneExplicitAssociationAndTheTableCannotGoWhileAssociated() {
        String association = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId)).associationId();
        assertThat(association).matches("rtbassoc-[0-9a-f]{17}");
        String other = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(other).subnetId(subnetId)), "Resource.AlreadyAssociated", 400);
        assertEc2Error(() -> ec2.deleteRouteTable(r -> r.routeTableId(tableId)), "DependencyViolation", 400,
                "The routeTable '" + tableId + "' has dependencies and cannot be deleted.");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(tableId);

        String moved = ec2.replaceRouteTableAssociation(r -> r.associationId(association).routeTableId(other)).newAssociationId();
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(other)).routeTables().get(0).associations())
                .singleElement().satisfies(a -> assertThat(a.subnetId()).isEqualTo(subnetId));
        ec2.disassociateRouteTable(r -> r.associationId(moved));
        assertEc2Error(() -> ec2.disassociateRouteTable(r -> r.associationId(moved)), "InvalidAssociationID.NotFound", 400);
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));

        String foreign = ec2.createVpc(r -> r.cidrBlock("10.5.0.0/16")).vpc().vpcId();
        String foreignSubnet = ec2.createSubnet(r -> r.vpcId(foreign).cidrBlock("10.5.1.0/24")).subnet().subnetId();
        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(other).subnetId(foreignSubnet)), "InvalidParameterValue", 400);
    }

    @Test
    void replacingTheMainAssociationMakesAnotherTableMain() {
        RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId), filter("association.main", "true")))
                .routeTables().get(0);
        String mainAssociation = main.associations().get(0).routeTableAssociationId();
        assertEc2Error(() -> ec2.disassociateRouteTable(r -> r.associationId(mainAssociation)), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.deleteRouteTable(r -> r.routeTableId(main.routeTableId())), "DependencyViolation", 400);
        ec2.replaceRouteTableAssociation(r -> r.associationId(mainAssociation).routeTableId(tableId));
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId), filter("association.main", "true"))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(tableId);
        ec2.deleteRouteTable(r -> r.routeTableId(main.routeTableId()));
    }

    @Test
    void gatewayEndpointPutsAPrefixListRouteIntoItsTables() {
        var endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName("com.amazonaws.us-east-1.s3").routeTableIds(tableId))
                .vpcEndpoint();
        assertThat(endpoint.vpcEndpointId()).matches("vpce-[0-9a-f]{17}");
        assertThat(endpoint.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(endpoint.stateAsString()).isEqualTo("available");
        assertThat(endpoint.policyDocument()).contains("\"Action\":\"*\"");
        assertThat(table().routes()).anySatisfy(r -> {
            assertThat(r.destinationPrefixListId()).isEqualTo("pl-63a5400a");
            assertThat(r.gatewayId()).isEqualTo(endpoint.vpcEndpointId());
            assertThat(r.stateAsString()).isEqualTo("active");
        });
        assertThat(ec2.describePrefixLists(r -> r.prefixListIds("pl-63a5400a")).prefixLists().get(0).prefixListName())
                .isEqualTo("com.amazonaws.us-east-1.s3");
        ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId()));
        assertThat(table().routes()).hasSize(1);
        assertThat(ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())).unsuccessful()).singleElement()
                .satisfies(u -> assertThat(u.error().code()).isEqualTo("InvalidVpcEndpointId.NotFound"));
        assertEc2Error(() -> ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName("com.amazonaws.us-east-1.nope")),
                "InvalidServiceName", 400);
    }

    @Test
    void destinationsAreStoredCanonicallyAndOnlyAnInterfaceMayTakeTrafficInsideTheVpc() {
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.7.9/16").networkInterfaceId(eni));
        assertThat(table().routes()).extracting(Route::destinationCidrBlock).containsExactly("10.0.0.0/16", "192.168.0.0/16");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16").networkInterfaceId(eni)),
                "RouteAlreadyExists", 400, "The route identified by 10.0.0.0/16 already exists.");
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.1.0/24").networkInterfaceId(eni));
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.1.1/16"));
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.1.0/24"));
        assertThat(table().routes()).extracting(Route::destinationCidrBlock).containsExactly("10.0.0.0/16");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0/16").networkInterfaceId(eni)),
                "InvalidParameterValue", 400);
    }

    @Test
    void routesToADeletedInterfaceOrEgressOnlyGatewayBecomeBlackHoles() {
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        String eigw = ec2.createEgressOnlyInternetGateway(r -> r.vpcId(vpcId)).egressOnlyInternetGateway().egressOnlyInternetGatewayId();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("172.16.0.0/12").networkInterfaceId(eni));
        ec2.createRoute(r -> r.routeTableId(tableId).destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId(eigw));
        assertThat(table().routes()).extracting(r -> r.stateAsString()).containsExactly("active", "active", "active");
        assertThat(table().routes().get(2).egressOnlyInternetGatewayId()).isEqualTo(eigw);

        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2.deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(eigw));
        assertThat(table().routes()).extracting(Route::networkInterfaceId, r -> r.stateAsString())
                .containsExactly(tuple(null, "active"), tuple(eni, "blackhole"), tuple(null, "blackhole"));
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationIpv6CidrBlock("::/0"));
        assertEc2Error(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationIpv6CidrBlock("::/0")), "InvalidRoute.NotFound", 400,
                "no route with destination-ipv6-cidr-block ::/0 in route table " + tableId);
    }

    @Test
    void aGatewayRouteTableIsAssociatedWithTheVpcsInternetGateway() {
        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId(igw)), "InvalidParameterValue", 400,
                "route table " + tableId + " and network gateway " + igw + " belong to different networks");
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String association = ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId(igw)).associationId();
        assertThat(table().associations()).singleElement().satisfies(a -> {
            assertThat(a.routeTableAssociationId()).isEqualTo(association);
            assertThat(a.gatewayId()).isEqualTo(igw);
            assertThat(a.subnetId()).isNull();
            assertThat(a.main()).isFalse();
            assertThat(a.associationState().stateAsString()).isEqualTo("associated");
        });
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.gateway-id", igw))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(tableId);
        String other = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(other).gatewayId(igw)), "Resource.AlreadyAssociated", 400);
        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(other).gatewayId("igw-00000000000000000")), "InvalidParameterValue", 400);
        ec2.disassociateRouteTable(r -> r.associationId(association));
        assertThat(table().associations()).isEmpty();
    }
}
