package io.cloudjar.vpc;

import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagAccessor;
import io.cloudjar.vpc.api.TagRegistry;
import io.cloudjar.vpc.api.TaggableType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** This module's taggable resources: their id prefixes, DescribeTags resource types and NotFound errors. */
final class OwnTaggableTypes {
    private OwnTaggableTypes() {
    }

    static void register(TagRegistry registry, NetworkStore store) {
        registry.register(new TaggableType("vpc", "vpc", id -> Ec2Errors.of("InvalidVpcID.NotFound", id),
                TableTags.of(store, s -> s.vpcs)));
        registry.register(new TaggableType("subnet", "subnet", id -> Ec2Errors.of("InvalidSubnetID.NotFound", id),
                TableTags.of(store, s -> s.subnets)));
        registry.register(new TaggableType("igw", "internet-gateway", id -> Ec2Errors.of("InvalidInternetGatewayID.NotFound", id),
                TableTags.of(store, s -> s.internetGateways)));
        registry.register(new TaggableType("eigw", "egress-only-internet-gateway",
                id -> Ec2Errors.of("InvalidGatewayID.NotFound#egressOnly", id), TableTags.of(store, s -> s.egressOnlyGateways)));
        registry.register(new TaggableType("nat", "natgateway", id -> Ec2Errors.of("InvalidNatGatewayID.NotFound", id),
                TableTags.of(store, s -> s.natGateways)));
        registry.register(new TaggableType("rtb", "route-table", id -> Ec2Errors.of("InvalidRouteTableID.NotFound", id),
                TableTags.of(store, s -> s.routeTables)));
        registry.register(new TaggableType("acl", "network-acl", id -> Ec2Errors.of("InvalidNetworkAclID.NotFound", id),
                TableTags.of(store, s -> s.networkAcls)));
        registry.register(new TaggableType("sg", "security-group", id -> Ec2Errors.of("InvalidGroup.NotFound", id),
                TableTags.of(store, s -> s.securityGroups)));
        registry.register(new TaggableType("sgr", "security-group-rule",
                id -> Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", id), new TableTags(store,
                (state, id) -> Optional.ofNullable(state.ruleGroups.get(id)).map(g -> state.securityGroups.get(g).rules.get(id)),
                state -> state.securityGroups.all().stream().flatMap(g -> g.rules.values().stream()))));
        registry.register(new TaggableType("eipalloc", "elastic-ip", id -> Ec2Errors.of("InvalidAllocationID.NotFound", id),
                TableTags.of(store, s -> s.addresses)));
        registry.register(new TaggableType("eni", "network-interface", id -> Ec2Errors.of("InvalidNetworkInterfaceID.NotFound", id),
                TableTags.of(store, s -> s.interfaces)));
        registry.register(new TaggableType("vpce", "vpc-endpoint", id -> Ec2Errors.of("InvalidVpcEndpointId.NotFound", id),
                TableTags.of(store, s -> s.endpoints)));
        registry.register(new TaggableType("dopt", "dhcp-options", id -> Ec2Errors.of("InvalidDhcpOptionID.NotFound", id),
                TableTags.of(store, s -> s.dhcpOptions)));
        registry.register(new TaggableType("fl", "vpc-flow-log", id -> Ec2Errors.of("InvalidFlowLogId.NotFound", id),
                TableTags.of(store, s -> s.flowLogs)));
        registry.register(new TaggableType("pcx", "vpc-peering-connection",
                id -> Ec2Errors.of("InvalidVpcPeeringConnectionID.NotFound", id), new PeeringTags(store)));
    }

    /** Peering connections live outside any one state; either side may tag them. */
    private record PeeringTags(NetworkStore store) implements TagAccessor {
        @Override
        public Optional<Map<String, String>> tags(Scope scope, String resourceId) {
            return store.peerings.find(resourceId).filter(p -> p.involves(scope.accountId(), scope.region()))
                    .map(p -> store.peerings.change(p.id, x -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(x.tags))));
        }

        @Override
        public boolean update(Scope scope, String resourceId, UnaryOperator<Map<String, String>> change) {
            if (tags(scope, resourceId).isEmpty()) {
                return false;
            }
            store.peerings.change(resourceId, p -> {
                Map<String, String> next = change.apply(new LinkedHashMap<>(p.tags));
                p.tags.clear();
                p.tags.putAll(next);
                return null;
            });
            return true;
        }

        @Override
        public Map<String, Map<String, String>> tagged(Scope scope) {
            Map<String, Map<String, String>> out = new TreeMap<>();
            for (PeeringRecord p : store.peerings.visibleTo(scope.accountId(), scope.region())) {
                store.peerings.change(p.id, x -> x.tags.isEmpty() ? null : out.put(x.id, new LinkedHashMap<>(x.tags)));
            }
            return out;
        }
    }
}
