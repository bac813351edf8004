package io.cloudjar.vpc;

import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for service-ec2's instance directory in this module's tests (found by service-vpc as the real one
 * is): the instances a test puts here exist, and Elastic IP changes are recorded.
 */
public final class FakeInstanceDirectory implements ServiceProvider, InstanceDirectory {
    static final Map<String, InstanceRef> INSTANCES = new ConcurrentHashMap<>();
    static final List<String> CHANGES = new CopyOnWriteArrayList<>();

    @Override
    public String api() {
        return "ec2";
    }

    @Override
    public Optional<InstanceRef> instance(Scope scope, String instanceId) {
        return Optional.ofNullable(INSTANCES.get(instanceId));
    }

    @Override
    public void addressAssociationChanged(Scope scope, String instanceId, String networkInterfaceId, boolean associated) {
        CHANGES.add(instanceId + (associated ? " associated" : " disassociated"));
    }
}
