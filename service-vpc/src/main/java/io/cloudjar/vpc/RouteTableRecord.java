package io.cloudjar.vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route table: its routes and its associations (the VPC's main association, subnets, gateways). */
final class RouteTableRecord extends Resource {
    final String vpcId;
    final String ownerId;
    final List<RouteRecord> routes = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();

    RouteTableRecord(String id, String vpcId, String ownerId, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    boolean isMain() {
        return associations.stream().anyMatch(Association::main);
    }

    Optional<RouteRecord> route(String destination) {
        return routes.stream().filter(r -> destination.equals(r.destination())).findFirst();
    }

    /**
     * One association: exactly one of {@code main}, {@code subnetId} or {@code gatewayId} is set.
     * Associations take effect at once, so their state is always {@code associated}.
     */
    record Association(String associationId, boolean main, String subnetId, String gatewayId) {
    }
}
