package io.cloudjar.vpc;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.vpc.api.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The networking state as kept across restarts ({@code PERSISTENCE=1}): a map per kind of resource holding every
 * account and region ({@code <account>/<region>/<id>}), and a record per scope of what is not a resource. VPC's
 * resources change in place under their state's lock, so a changed state writes, at the next commit, the rows its
 * tables handed out or changed under that lock ({@link Table#drainTouched}).
 *
 * <p>With the system property {@value #VERIFY} (set for this module's tests, which all run with persistence), every
 * write also compares whole tables with the file and fails on a row changed without being touched: the check that
 * no change path gets a row around the tables.
 */
final class NetworkRecords {
    static final String VERIFY = "cloudjar.persistence.verify";
    private static final boolean VERIFYING = Boolean.getBoolean(VERIFY);

    /** What a scope holds besides its resources. */
    record ScopeRecord(String defaultDhcpOptionsId, Set<String> ipv6Blocks) {
    }

    private record Kind<R extends Resource>(String name, Class<R> type, Function<NetworkState, Table<R>> table) {
    }

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>("ec2.vpcs", VpcRecord.class, s -> s.vpcs),
            new Kind<>("ec2.subnets", SubnetRecord.class, s -> s.subnets),
            new Kind<>("ec2.internetGateways", InternetGatewayRecord.class, s -> s.internetGateways),
            new Kind<>("ec2.egressOnlyGateways", EgressOnlyGatewayRecord.class, s -> s.egressOnlyGateways),
            new Kind<>("ec2.natGateways", NatGatewayRecord.class, s -> s.natGateways),
            new Kind<>("ec2.routeTables", RouteTableRecord.class, s -> s.routeTables),
            new Kind<>("ec2.networkAcls", NetworkAclRecord.class, s -> s.networkAcls),
            new Kind<>("ec2.securityGroups", SecurityGroupRecord.class, s -> s.securityGroups),
            new Kind<>("ec2.addresses", AddressRecord.class, s -> s.addresses),
            new Kind<>("ec2.networkInterfaces", NetworkInterfaceRecord.class, s -> s.interfaces),
            new Kind<>("ec2.endpoints", VpcEndpointRecord.class, s -> s.endpoints),
            new Kind<>("ec2.dhcpOptions", DhcpOptionsRecord.class, s -> s.dhcpOptions),
            new Kind<>("ec2.flowLogs", FlowLogRecord.class, s -> s.flowLogs));

    private final Persistence persistence;
    private final DurableMap<ScopeRecord> scopes;

    NetworkRecords(Persistence persistence) {
        this.persistence = persistence;
        this.scopes = persistence.map("ec2.networkScopes", ScopeRecord.class);
    }

    Persistence persistence() {
        return persistence;
    }

    /** The accounts and regions the file holds networking of. */
    Set<Scope> keptScopes() {
        Set<String> keys = new TreeSet<>();
        scopes.forEach("", (key, record) -> keys.add(key));
        List<Scope> found = new ArrayList<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            found.add(new Scope(key.substring(0, slash), key.substring(slash + 1, key.length() - "/scope".length())));
        }
        return Set.copyOf(found);
    }

    /** Writes a state's tables and scope record (under its read lock). */
    void write(NetworkState state) {
        for (Kind<?> kind : KINDS) {
            write(kind, state);
        }
        scopes.scoped(state.accountId, state.region).put("scope",
                new ScopeRecord(state.defaultDhcpOptionsId, state.ipv6Blocks.allocated()));
    }

    private <R extends Resource> void write(Kind<R> kind, NetworkState state) {
        DurableMap<R> kept = persistence.map(kind.name(), kind.type()).scoped(state.accountId, state.region);
        Table<R> table = kind.table().apply(state);
        for (String id : table.drainTouched()) {
            R row = table.rows().get(id);
            if (row == null) {
                kept.remove(id);
            } else {
                kept.put(id, row);
            }
        }
        if (VERIFYING) {
            int missed = kept.sync("", table.rows());
            if (missed > 0) {
                throw new IllegalStateException(missed + " " + kind.name() + " row(s) of " + state.accountId + "/" + state.region
                        + " changed without being looked up under the write lock");
            }
        }
    }

    /** Fills a new state with what the file kept of its scope. */
    void restore(NetworkState state) {
        for (Kind<?> kind : KINDS) {
            restore(kind, state);
        }
        scopes.scoped(state.accountId, state.region).forEach("scope", (key, record) -> {
            state.defaultDhcpOptionsId = record.defaultDhcpOptionsId();
            state.ipv6Blocks.restore(record.ipv6Blocks());
        });
    }

    private <R extends Resource> void restore(Kind<R> kind, NetworkState state) {
        Table<R> table = kind.table().apply(state);
        persistence.map(kind.name(), kind.type()).scoped(state.accountId, state.region).forEach("", (id, row) -> table.add(row));
    }
}
