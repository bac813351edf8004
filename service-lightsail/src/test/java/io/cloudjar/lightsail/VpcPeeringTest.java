package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationFailureException;

/** PeerVpc, UnpeerVpc and IsVpcPeered against the default VPC EC2 shows. */
class VpcPeeringTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();
    static Ec2Client ec2;

    @BeforeAll
    static void ec2Client() {
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    @Test
    void peerAndUnpeerWithTheDefaultVpc() {
        String defaultVpc = defaultVpc().vpcId();
        assertThat(lightsail.isVpcPeered(r -> { }).isPeered()).isFalse();

        Operation peered = lightsail.peerVpc(r -> { }).operation();

        assertThat(peered.resourceTypeAsString()).isEqualTo("PeeredVpc");
        assertThat(peered.operationTypeAsString()).isEqualTo("PeeredVpc");
        assertThat(peered.operationDetails()).isEqualTo(defaultVpc);
        assertThat(peered.resourceName()).matches("vpc-[0-9a-f]{17}").isNotEqualTo(defaultVpc);
        assertThat(peered.location().availabilityZone()).isEqualTo("all");
        assertThat(peered.statusAsString()).isEqualTo("Succeeded");
        assertThat(peered.isTerminal()).isTrue();
        assertThat(lightsail.isVpcPeered(r -> { }).isPeered()).isTrue();
        assertThatThrownBy(() -> lightsail.peerVpc(r -> { })).isInstanceOf(OperationFailureException.class)
                .hasMessageContaining("already peered");

        Operation unpeered = lightsail.unpeerVpc(r -> { }).operation();

        assertThat(unpeered.operationTypeAsString()).isEqualTo("UnpeeredVpc");
        assertThat(unpeered.resourceName()).isEqualTo(peered.resourceName());
        assertThat(unpeered.operationDetails()).isEqualTo(defaultVpc);
        assertThat(lightsail.isVpcPeered(r -> { }).isPeered()).isFalse();
        assertThatThrownBy(() -> lightsail.unpeerVpc(r -> { })).isInstanceOf(OperationFailureException.class)
                .hasMessageContaining("not peered");
        assertThat(lightsail.getOperations(r -> { }).operations()).extracting(Operation::operationTypeAsString)
                .containsExactly("PeeredVpc", "UnpeeredVpc");
    }

    @Test
    void withoutADefaultVpcThereIsNothingToPeerWith() {
        lightsail.peerVpc(r -> { });
        deleteDefaultVpc();

        assertThat(lightsail.isVpcPeered(r -> { }).isPeered()).as("the peering went with the VPC").isFalse();
        assertThatThrownBy(() -> lightsail.peerVpc(r -> { })).isInstanceOf(OperationFailureException.class)
                .hasMessageContaining("no default VPC");
        assertThatThrownBy(() -> lightsail.unpeerVpc(r -> { })).isInstanceOf(OperationFailureException.class);
    }

    private static Vpc defaultVpc() {
        return ec2.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().get(0);
    }

    private static void deleteDefaultVpc() {
        String vpcId = defaultVpc().vpcId();
        ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build())).subnets()
                .forEach(s -> ec2.deleteSubnet(r -> r.subnetId(s.subnetId())));
        ec2.describeInternetGateways(r -> r.filters(Filter.builder().name("attachment.vpc-id").values(vpcId).build()))
                .internetGateways().forEach(g -> {
                    ec2.detachInternetGateway(r -> r.internetGatewayId(g.internetGatewayId()).vpcId(vpcId));
                    ec2.deleteInternetGateway(r -> r.internetGatewayId(g.internetGatewayId()));
                });
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }
}
