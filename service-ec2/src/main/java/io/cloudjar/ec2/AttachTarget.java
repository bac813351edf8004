package io.cloudjar.ec2;

/**
 * What a volume needs to know about the instance it attaches to. Phase 2's instance records implement it;
 * until then only tests register targets (see {@link ComputeState#registerInstance}).
 */
interface AttachTarget {
    String instanceId();

    String availabilityZone();

    /** {@code running}, {@code stopped}, ... as DescribeInstances names instance states. */
    String stateName();

    /** The instance's root device (e.g. {@code /dev/xvda}), which a second volume may not take. */
    String rootDeviceName();
}
