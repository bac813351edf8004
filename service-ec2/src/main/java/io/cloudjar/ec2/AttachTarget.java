package io.cloudjar.ec2;

/** What a volume needs to know about the instance it attaches to; {@link InstanceRecord} implements it. */
interface AttachTarget {
    String instanceId();

    String availabilityZone();

    /** {@code running}, {@code stopped}, ... as DescribeInstances names instance states. */
    String stateName(java.time.Instant now);

    /** The instance's root device (e.g. {@code /dev/xvda}), which a second volume may not take. */
    String rootDeviceName();
}
