package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.support.Ipv4Cidr;
import io.cloudjar.vpc.support.Ipv6Cidr;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;

/**
 * CreateRoute, ReplaceRoute and DeleteRoute: one destination (IPv4 block, IPv6 block or prefix list) and
 * one target, which must exist and belong to the route table's VPC. Local routes cannot be removed.
 */
public final class RouteProvider extends NetworkProvider {

    /** The parts of CreateRoute and ReplaceRoute that name a destination and a target. */
    record RouteSpec(String cidr, String ipv6Cidr, String prefixListId, String gatewayId, String natGatewayId,
                     String networkInterfaceId, String instanceId, String peeringId, String egressOnlyId,
                     String transitGatewayId, String otherTarget) {
        String destination() {
            long given = Stream.of(cidr, ipv6Cidr, prefixListId).filter(Objects::nonNull).count();
            if (given == 0) {
                throw Ec2Errors.of("MissingParameter#routeDestination");
            }
            if (given > 1) {
                throw Ec2Errors.of("InvalidParameterCombination#routeDestinations");
            }
            return cidr != null ? cidr : ipv6Cidr != null ? ipv6Cidr : prefixListId;
        }
    }

    public CreateRouteResponse createRoute(CallContext ctx, CreateRouteRequest r) {
        RouteSpec spec = new RouteSpec(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId(),
                r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(), r.vpcPeeringConnectionId(),
                r.egressOnlyInternetGatewayId(), r.transitGatewayId(),
                firstNonNull(r.localGatewayId(), r.carrierGatewayId(), r.vpcEndpointId(), r.coreNetworkArn()));
        String eniOfInstance = instanceInterface(ctx, spec.instanceId());
        NetworkState state = state(ctx);
        state.write(() -> {
            RouteTableRecord table = state.routeTables.get(r.routeTableId());
            RouteRecord route = build(state, table, spec, eniOfInstance);
            if (table.route(route.destination()).isPresent()) {
                throw Ec2Errors.of("RouteAlreadyExists", route.destination());
            }
            table.routes.add(route);
        });
        return CreateRouteResponse.builder().returnValue(true).build();
    }

    public ReplaceRouteResponse replaceRoute(CallContext ctx, ReplaceRouteRequest r) {
        RouteSpec spec = new RouteSpec(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId(),
                r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(), r.vpcPeeringConnectionId(),
                r.egressOnlyInternetGatewayId(), r.transitGatewayId(),
                firstNonNull(r.localGatewayId(), r.carrierGatewayId(), r.vpcEndpointId(), r.coreNetworkArn()));
        String eniOfInstance = instanceInterface(ctx, spec.instanceId());
        NetworkState state = state(ctx);
        state.write(() -> {
            RouteTableRecord table = state.routeTables.get(r.routeTableId());
            RouteRecord route = build(state, table, spec, eniOfInstance);
            RouteRecord old = table.route(route.destination())
                    .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#replaceMissingRoute", route.destination()));
            if (old.isLocal()) {
                throw Ec2Errors.of("InvalidParameterValue#replaceLocalRoute", route.destination(), table.id);
            }
            table.routes.set(table.routes.indexOf(old), route);
        });
        return ReplaceRouteResponse.builder().build();
    }

    public DeleteRouteResponse deleteRoute(CallContext ctx, DeleteRouteRequest r) {
        String destination = Stream.of(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId())
                .filter(Objects::nonNull).findFirst().orElseThrow(() -> Ec2Errors.of("MissingParameter#routeDestination"));
        NetworkState state = state(ctx);
        state.write(() -> {
            RouteTableRecord table = state.routeTables.get(r.routeTableId());
            String canonical = canonical(destination);
            RouteRecord route = table.route(canonical).orElseThrow(() -> Ec2Errors.of("InvalidRoute.NotFound",
                    destinationParameter(destination), destination, table.id));
            if (route.isLocal()) {
                throw Ec2Errors.of("InvalidParameterValue#deleteLocalRoute", destination, table.id);
            }
            table.routes.remove(route);
        });
        return DeleteRouteResponse.builder().build();
    }

    private static String firstNonNull(String... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Resolves an instance target to its primary interface before any lock is taken. */
    private String instanceInterface(CallContext ctx, String instanceId) {
        return instanceId == null ? null : store.instance(Scope.of(ctx), instanceId).primaryNetworkInterfaceId();
    }

    private RouteRecord build(NetworkState state, RouteTableRecord table, RouteSpec s, String eniOfInstance) {
        String destination = s.destination();
        String cidr = null;
        String ipv6 = null;
        String prefixList = null;
        if (s.cidr() != null) {
            // EC2 stores the canonical block: 10.0.1.7/24 becomes 10.0.1.0/24
            cidr = Ipv4Cidr.parseMasked(s.cidr()).map(Object::toString)
                    .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue", destination, "destinationCidrBlock"));
        } else if (s.ipv6Cidr() != null) {
            ipv6 = Ipv6Cidr.parse(s.ipv6Cidr()).map(Object::toString)
                    .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue", destination, "destinationIpv6CidrBlock"));
        } else {
            prefixList = PrefixLists.require(state, s.prefixListId()).id();
        }
        long targets = Stream.of(s.gatewayId(), s.natGatewayId(), s.networkInterfaceId(), s.instanceId(), s.peeringId(),
                s.egressOnlyId(), s.transitGatewayId(), s.otherTarget()).filter(Objects::nonNull).count();
        if (targets == 0) {
            throw Ec2Errors.of("MissingParameter#routeTarget");
        }
        if (targets > 1) {
            throw Ec2Errors.of("InvalidParameterCombination#routeTargets");
        }
        if (s.networkInterfaceId() == null && s.instanceId() == null && s.natGatewayId() == null
                && insideVpc(state.vpc(table.vpcId), cidr, ipv6)) {
            throw Ec2Errors.of("InvalidParameterValue#localRouteTarget");
        }
        String gateway = null;
        String nat = null;
        String eni = null;
        String instance = null;
        String peering = null;
        String eigw = null;
        if (s.gatewayId() != null) {
            gateway = s.gatewayId();
            if (!gateway.startsWith("igw-")) {
                throw Ec2Errors.of("InvalidGatewayID.NotFound", gateway);
            }
            InternetGatewayRecord igw = state.internetGateways.find(gateway).orElseThrow(
                    () -> Ec2Errors.of("InvalidGatewayID.NotFound", s.gatewayId()));
            if (!table.vpcId.equals(igw.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, igw.id);
            }
        } else if (s.natGatewayId() != null) {
            NatGatewayRecord record = state.natGateways.find(s.natGatewayId()).filter(NatGatewayRecord::live)
                    .orElseThrow(() -> Ec2Errors.of("InvalidNatGatewayID.NotFound", s.natGatewayId()));
            if (!record.vpcId.equals(table.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, record.id);
            }
            nat = record.id;
        } else if (s.networkInterfaceId() != null || s.instanceId() != null) {
            NetworkInterfaceRecord record = state.interfaces.get(s.networkInterfaceId() != null ? s.networkInterfaceId() : eniOfInstance);
            if (!record.vpcId.equals(table.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, record.id);
            }
            eni = record.id;
            instance = s.instanceId() != null ? s.instanceId() : record.instanceId();
        } else if (s.peeringId() != null) {
            PeeringRecord record = store.peerings.find(s.peeringId())
                    .filter(p -> p.involves(state.accountId, state.region) && !"deleted".equals(p.status))
                    .orElseThrow(() -> Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", s.peeringId()));
            peering = record.id;
        } else if (s.egressOnlyId() != null) {
            EgressOnlyGatewayRecord record = state.egressOnlyGateways.get(s.egressOnlyId());
            if (!record.vpcId.equals(table.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#routeTableGateway", table.id, record.id);
            }
            eigw = record.id;
        } else if (s.transitGatewayId() != null) {
            throw Ec2Errors.of("InvalidTransitGatewayID.NotFound", s.transitGatewayId());
        } else {
            throw Ec2Errors.of("RouteNotSupported", s.otherTarget());
        }
        return new RouteRecord(cidr, ipv6, prefixList, gateway, nat, eni, instance, peering, eigw, null, "CreateRoute");
    }

    /**
     * Whether the destination is one of the VPC's blocks or lies inside one: such traffic stays in the VPC,
     * so only an interface or instance (a middlebox), or a NAT gateway, may take it over from the local route.
     */
    private static boolean insideVpc(VpcRecord vpc, String cidr, String ipv6) {
        if (cidr != null) {
            Ipv4Cidr destination = Ipv4Cidr.parse(cidr).orElseThrow();
            return vpc.ipv4Blocks().stream().anyMatch(b -> b.contains(destination));
        }
        if (ipv6 != null) {
            Ipv6Cidr destination = Ipv6Cidr.parse(ipv6).orElseThrow();
            return vpc.ipv6.stream().anyMatch(a -> Ipv6Cidr.parse(a.ipv6CidrBlock()).orElseThrow().contains(destination));
        }
        return false;
    }

    /** The destination as stored, so {@code 0.0.0.0/0} and IPv6 text in another spelling find their route. */
    private static String canonical(String destination) {
        return Ipv4Cidr.parseMasked(destination).map(Object::toString)
                .or(() -> Ipv6Cidr.parse(destination).map(Object::toString)).orElse(destination);
    }

    /** The parameter DeleteRoute's InvalidRoute.NotFound names for a destination. */
    private static String destinationParameter(String destination) {
        return destination.startsWith("pl-") ? "destination-prefix-list-id"
                : destination.contains(":") ? "destination-ipv6-cidr-block" : "destination-cidr-block";
    }
}
