package io.cloudjar.vpc;

import io.cloudjar.core.persist.Persistence;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv6BlockPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The networking of one account in one region. Describe calls read under the read lock and may run side
 * by side; every change takes the write lock, so compound checks ("no subnets left" before deleting a VPC,
 * "address free" before taking it) see a stable view. Never call another module while holding either.
 */
final class NetworkState {
    final String accountId;
    final String region;
    final Table<VpcRecord> vpcs = new Table<>(id -> Ec2Errors.of("InvalidVpcID.NotFound", id), this::writing);
    final Table<SubnetRecord> subnets = new Table<>(id -> Ec2Errors.of("InvalidSubnetID.NotFound", id), this::writing);
    final Table<InternetGatewayRecord> internetGateways = new Table<>(id -> Ec2Errors.of("InvalidInternetGatewayID.NotFound", id), this::writing);
    final Table<EgressOnlyGatewayRecord> egressOnlyGateways = new Table<>(id -> Ec2Errors.of("InvalidGatewayID.NotFound#egressOnly", id), this::writing);
    final Table<NatGatewayRecord> natGateways = new Table<>(id -> Ec2Errors.of("NatGatewayNotFound", id), this::writing);
    final Table<RouteTableRecord> routeTables = new Table<>(id -> Ec2Errors.of("InvalidRouteTableID.NotFound", id), this::writing);
    final Table<NetworkAclRecord> networkAcls = new Table<>(id -> Ec2Errors.of("InvalidNetworkAclID.NotFound", id), this::writing);
    final Table<SecurityGroupRecord> securityGroups = new Table<>(id -> Ec2Errors.of("InvalidGroup.NotFound", id), this::writing);
    final Table<AddressRecord> addresses = new Table<>(id -> Ec2Errors.of("InvalidAllocationID.NotFound", id), this::writing);
    final Table<NetworkInterfaceRecord> interfaces = new Table<>(id -> Ec2Errors.of("InvalidNetworkInterfaceID.NotFound", id), this::writing);
    final Table<VpcEndpointRecord> endpoints = new Table<>(id -> Ec2Errors.of("InvalidVpcEndpointId.NotFound", id), this::writing);
    final Table<DhcpOptionsRecord> dhcpOptions = new Table<>(id -> Ec2Errors.of("InvalidDhcpOptionID.NotFound", id), this::writing);
    final Table<FlowLogRecord> flowLogs = new Table<>(id -> Ec2Errors.of("InvalidFlowLogId.NotFound", id), this::writing);
    /** Security group rule id → its group, so rules can be found (and tagged) by id alone. */
    final Map<String, String> ruleGroups = new HashMap<>();
    final Ipv6BlockPool ipv6Blocks = new Ipv6BlockPool();
    /**
     * Instance id → ids of the interfaces attached to it, so that a launch (device index free?) and
     * DescribeInstances (the interfaces of these instances) do not scan every interface of the region, which
     * made launching 10,000 instances quadratic. A hint beside each interface's own {@code attachment}, which
     * stays the truth: every attachment to an instance is made in NetworkInterfaceProvider.attach, which calls
     * {@link #indexAttachment}; readers check each interface's attachment, so entries of detached or deleted
     * interfaces are skipped (and dropped when the instance is next attached to). Guarded by the state's lock.
     */
    private final Map<String, Set<String>> interfacesByInstance = new HashMap<>();
    /** The region's default DHCP options, which every VPC starts with; set once with the default VPC. */
    String defaultDhcpOptionsId;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean initialized;
    private final NetworkRecords records;
    /** Writes this state's tables at the next commit; one object, so a state changed twice is written once. */
    private final Persistence.Changes changes;

    NetworkState(String accountId, String region, NetworkRecords records) {
        this.accountId = accountId;
        this.region = region;
        this.records = records;
        this.changes = () -> read(() -> {
            records.write(this);
            return null;
        });
    }

    /** A state of a scope the state file kept: its resources, its indexes rebuilt, its default VPC long made. */
    static NetworkState restored(String accountId, String region, NetworkRecords records) {
        NetworkState state = new NetworkState(accountId, region, records);
        records.restore(state);
        state.securityGroups.all().forEach(group -> group.rules.keySet().forEach(rule -> state.ruleGroups.put(rule, group.id)));
        state.interfaces.all().stream().filter(eni -> eni.attachment != null).forEach(state::indexAttachment);
        state.initialized = true;
        return state;
    }

    /** Runs {@code defaults} (the default VPC and its companions) once, before anyone reads the state. */
    void initializeOnce(Runnable defaults) {
        if (!initialized) {
            write(() -> {
                if (!initialized) {
                    defaults.run();
                    initialized = true;
                }
            });
        }
    }

    /**
     * Whether rows handed out now may be changed and must be written at the next commit (see {@link Table}): with
     * persistence, while the current thread holds the write lock. Without persistence nothing is noted.
     */
    private boolean writing() {
        return records.persistence().enabled() && lock.isWriteLockedByCurrentThread();
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every change runs here: the state is then written at the next commit (with persistence). */
    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
            records.persistence().changed(changes);
        }
    }

    void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    VpcRecord vpc(String vpcId) {
        return vpcs.get(vpcId);
    }

    SubnetRecord subnet(String subnetId) {
        return subnets.get(subnetId);
    }

    SecurityGroupRuleRecord rule(String ruleId) {
        String groupId = ruleGroups.get(ruleId);
        if (groupId == null) {
            throw Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", ruleId);
        }
        return securityGroups.get(groupId).rules.get(ruleId);
    }

    /** Records that {@code eni} was just attached; under the write lock. */
    void indexAttachment(NetworkInterfaceRecord eni) {
        String instanceId = eni.attachment.instanceId();
        Set<String> ids = interfacesByInstance.computeIfAbsent(instanceId, k -> new LinkedHashSet<>());
        ids.removeIf(id -> interfaces.find(id).map(i -> !instanceId.equals(i.instanceId())).orElse(true));
        ids.add(eni.id);
    }

    /** The interfaces attached to an instance now, by device index; under either lock. */
    List<NetworkInterfaceRecord> interfacesAttachedTo(String instanceId) {
        Set<String> ids = interfacesByInstance.get(instanceId);
        if (ids == null) {
            return List.of();
        }
        List<NetworkInterfaceRecord> attached = new ArrayList<>(ids.size());
        for (String id : ids) {
            interfaces.find(id).filter(i -> instanceId.equals(i.instanceId())).ifPresent(attached::add);
        }
        attached.sort(Comparator.comparingInt(i -> i.attachment.deviceIndex()));
        return attached;
    }
}
