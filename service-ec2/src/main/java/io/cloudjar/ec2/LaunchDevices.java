package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;

/**
 * The EBS volumes RunInstances creates for each instance: the AMI's block devices (the root volume from its
 * snapshot) with the request's mappings laid over them by device name; {@code NoDevice} drops one,
 * instance-store ({@code ephemeralN}) mappings are ignored (no catalogued type has instance storage), and new
 * devices need a size or a snapshot. Validated before anything is created.
 */
final class LaunchDevices {
    private LaunchDevices() {
    }

    /** One volume to create per instance, attached at {@code deviceName}. */
    record Planned(String deviceName, VolumeRules.Spec spec, String snapshotId, boolean deleteOnTermination,
                   boolean encrypted, String kmsKeyId) {
    }

    static List<Planned> plan(ImageRecord image, List<BlockDeviceMapping> requested, ComputeState state, String accountId,
                              String region, java.time.Instant now) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (ImageRecord.Device d : image.devices()) {
            if (d.isEbs()) {
                drafts.put(d.deviceName(), new Draft(d.deviceName(), d.snapshotId(), d.volumeSize(), d.volumeSize(),
                        d.volumeType(), null, null, d.deleteOnTermination() == null || d.deleteOnTermination(),
                        Boolean.TRUE.equals(d.encrypted()), null));
            }
        }
        for (BlockDeviceMapping m : requested) {
            if (m.deviceName() == null) {
                throw Ec2Errors.of("MissingParameter", "BlockDeviceMapping.DeviceName");
            }
            if (!m.deviceName().equals(image.rootDeviceName())) {
                DeviceNames.check(m.deviceName());
            }
            String existing = drafts.containsKey(m.deviceName()) ? m.deviceName() : null;
            if (m.noDevice() != null) {
                if (m.deviceName().equals(image.rootDeviceName())) {
                    throw Ec2Errors.of("InvalidBlockDeviceMapping#rootDevice", m.deviceName());
                }
                drafts.remove(existing);
                continue;
            }
            if (m.virtualName() != null || m.ebs() == null) {
                if (m.virtualName() == null) {
                    throw Ec2Errors.of("MissingParameter", "ebs");
                }
                continue;
            }
            Draft base = existing == null ? null : drafts.get(existing);
            drafts.put(m.deviceName(), overlay(base, m.deviceName(), m.ebs(), state, now));
        }
        List<Planned> planned = new ArrayList<>();
        for (Draft d : drafts.values()) {
            planned.add(d.validate(accountId, region));
        }
        return planned;
    }

    private static Draft overlay(Draft base, String deviceName, EbsBlockDevice ebs, ComputeState state, java.time.Instant now) {
        String snapshotId = base == null ? null : base.snapshotId();
        Integer snapshotSize = base == null ? null : base.snapshotSize();
        boolean encrypted = base != null && base.encrypted();
        if (ebs.snapshotId() != null && (base == null || !ebs.snapshotId().equals(base.snapshotId()))) {
            SnapshotRecord snapshot = state.requireSnapshot(ebs.snapshotId());
            if (!snapshot.state(now).equals("completed")) {
                throw Ec2Errors.of("IncorrectState#snapshot", snapshot.snapshotId());
            }
            snapshotId = snapshot.snapshotId();
            snapshotSize = snapshot.volumeSize();
            encrypted = snapshot.encrypted();
        }
        boolean deleteOnTermination = ebs.deleteOnTermination() != null ? ebs.deleteOnTermination()
                : base == null || base.deleteOnTermination();
        return new Draft(deviceName, snapshotId, snapshotSize, ebs.volumeSize() != null ? ebs.volumeSize() : snapshotSize,
                ebs.volumeTypeAsString() != null ? ebs.volumeTypeAsString() : base == null ? null : base.volumeType(),
                ebs.iops(), ebs.throughput(), deleteOnTermination,
                encrypted || Boolean.TRUE.equals(ebs.encrypted()), ebs.kmsKeyId());
    }

    private record Draft(String deviceName, String snapshotId, Integer snapshotSize, Integer size, String volumeType,
                         Integer iops, Integer throughput, boolean deleteOnTermination, boolean encrypted, String kmsKeyId) {
        Planned validate(String accountId, String region) {
            if (size == null && snapshotId == null) {
                throw Ec2Errors.of("MissingParameter", "size or snapshotId");
            }
            if (snapshotSize != null && size != null && size < snapshotSize) {
                throw Ec2Errors.of("InvalidBlockDeviceMapping#smallerThanSnapshot", size, snapshotId, snapshotSize);
            }
            VolumeRules.Spec spec = VolumeRules.check(volumeType, size, iops, throughput, false, snapshotId, snapshotSize);
            Encryption.checkKmsDependency(kmsKeyId, encrypted);
            return new Planned(deviceName, spec, snapshotId, deleteOnTermination, encrypted,
                    Encryption.keyFor(encrypted, kmsKeyId, null, accountId, region));
        }
    }
}
