package io.cloudjar.ec2;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EC2 instance: its launch facts, the attributes calls may change, where it is in its life, its
 * instance profile and tags. Immutable; every change replaces the record in {@link ComputeState}. Its
 * network interfaces and addresses live in service-vpc and its volumes in {@link VolumeRecord}s, so
 * DescribeInstances always shows what those calls changed.
 *
 * @param profile the IAM instance profile association, or null
 */
record InstanceRecord(InstanceLaunch launch, InstanceSettings settings, InstancePhase phase, ProfileAssociation profile,
                      Map<String, String> tags) implements AttachTarget {
    InstanceRecord {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    @Override
    public String instanceId() {
        return launch.instanceId();
    }

    @Override
    public String availabilityZone() {
        return launch.availabilityZone();
    }

    @Override
    public String stateName(Instant now) {
        return phase.name(now);
    }

    @Override
    public String rootDeviceName() {
        return launch.rootDeviceName();
    }

    String instanceType() {
        return settings.instanceType();
    }

    InstanceRecord withSettings(InstanceSettings newSettings) {
        return new InstanceRecord(launch, newSettings, phase, profile, tags);
    }

    InstanceRecord withPhase(InstancePhase newPhase) {
        return new InstanceRecord(launch, settings, newPhase, profile, tags);
    }

    InstanceRecord withProfile(ProfileAssociation newProfile) {
        return new InstanceRecord(launch, settings, phase, newProfile, tags);
    }

    InstanceRecord withTags(Map<String, String> newTags) {
        return new InstanceRecord(launch, settings, phase, profile, newTags);
    }

    /**
     * An instance profile associated with the instance ({@code iip-assoc-…}).
     *
     * @param state {@code associated} (associations take effect at once here)
     */
    record ProfileAssociation(String associationId, String arn, String id, String state, Instant timestamp) {
    }
}
