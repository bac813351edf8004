package io.cloudjar.vpc;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.vpc.api.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the authorization rules need when a call names only an association or attachment id: the resource it
 * belongs to ({@code {routeTableOfAssociation(AssociationId)}} → {@code rtb-…}, the VPC or subnet of a CIDR block
 * association, the Elastic IP of an address association, the interface of an attachment). An id that names
 * nothing drops out, and the provider answers its NotFound error.
 */
final class AssociationResolvers {
    private AssociationResolvers() {
    }

    static void register(ServiceContext context, NetworkStore store) {
        add(context, store, "routeTableOfAssociation", (state, id) -> state.routeTables.first(
                t -> t.associations.stream().anyMatch(a -> a.associationId().equals(id))).map(t -> t.id));
        add(context, store, "vpcOfCidrAssociation", (state, id) -> state.vpcs.first(
                v -> v.cidrs.stream().anyMatch(c -> c.associationId().equals(id))
                        || v.ipv6.stream().anyMatch(c -> c.associationId().equals(id))).map(v -> v.id));
        add(context, store, "subnetOfCidrAssociation", (state, id) -> state.subnets.first(
                s -> s.ipv6.stream().anyMatch(b -> b.associationId().equals(id))).map(s -> s.id));
        add(context, store, "addressOfAssociation", (state, id) -> state.addresses.first(
                a -> id.equals(a.associationId)).map(a -> a.id));
        add(context, store, "interfaceOfAttachment", (state, id) -> state.interfaces.first(
                i -> i.attachment != null && id.equals(i.attachment.attachmentId())).map(i -> i.id));
    }

    private static void add(ServiceContext context, NetworkStore store, String name,
                            BiFunction<NetworkState, String, Optional<String>> find) {
        context.addRuleResolver(name, (id, call) -> {
            NetworkState state = store.get(new Scope(call.account(), call.region()));
            return state.read(() -> find.apply(state, id)).map(List::of).orElse(List.of());
        });
    }
}
