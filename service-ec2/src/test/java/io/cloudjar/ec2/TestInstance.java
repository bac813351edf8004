package io.cloudjar.ec2;

/** An instance for volumes to attach to until RunInstances (phase 2) registers real ones. */
record TestInstance(String instanceId, String availabilityZone, String stateName, String rootDeviceName) implements AttachTarget {
    static TestInstance register(io.cloudjar.core.testing.CloudjarServerExtension cloudjar, String region, TestInstance instance) {
        ComputeStore.of(cloudjar.server().runtime()).get("000000000000", region).registerInstance(instance);
        return instance;
    }
}
