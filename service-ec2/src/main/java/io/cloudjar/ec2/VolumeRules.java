package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Locale;
import java.util.Map;

/**
 * EBS volume types and their limits (size in GiB, IOPS, throughput, IOPS per GiB), checked in the order
 * EC2 reports them; also the IOPS a volume gets when it does not provision any.
 */
final class VolumeRules {
    static final String DEFAULT_TYPE = "gp2";

    private record Limits(int minSize, int maxSize, int minIops, int maxIops, int maxIopsPerGib) {
    }

    private static final Map<String, Limits> LIMITS = Map.of(
            "gp2", new Limits(1, 16384, 0, 0, 0),
            "gp3", new Limits(1, 16384, 3000, 16000, 500),
            "io1", new Limits(4, 16384, 100, 64000, 50),
            "io2", new Limits(4, 65536, 100, 256000, 1000),
            "st1", new Limits(125, 16384, 0, 0, 0),
            "sc1", new Limits(125, 16384, 0, 0, 0),
            "standard", new Limits(1, 1024, 0, 0, 0));

    private static final int GP3_BASE_IOPS = 3000;
    private static final int GP3_BASE_THROUGHPUT = 125;
    private static final int GP3_MAX_THROUGHPUT = 1000;

    private VolumeRules() {
    }

    /** A volume's type and performance, validated and with defaults filled in. */
    record Spec(String volumeType, int size, Integer iops, Integer throughput, boolean multiAttachEnabled) {
    }

    /**
     * @param size          requested size or null (then the snapshot's)
     * @param snapshotSize  the source snapshot's size, or null when not created from a snapshot
     */
    static Spec check(String type, Integer size, Integer iops, Integer throughput, Boolean multiAttach,
                      String snapshotId, Integer snapshotSize) {
        String volumeType = type == null ? DEFAULT_TYPE : type;
        Limits limits = LIMITS.get(volumeType);
        if (limits == null) {
            throw Ec2Errors.of("InvalidParameterValue#volumeType", volumeType);
        }
        if (size == null && snapshotSize == null) {
            throw Ec2Errors.of("MissingParameter", "size or snapshotId");
        }
        int gib = size == null ? snapshotSize : size;
        if (snapshotSize != null && gib < snapshotSize) {
            throw Ec2Errors.of("InvalidParameterValue#smallerThanSnapshot", gib, snapshotId, snapshotSize);
        }
        if (gib < limits.minSize()) {
            throw Ec2Errors.of("InvalidParameterValue#volumeSizeLow", gib, limits.minSize());
        }
        if (gib > limits.maxSize()) {
            throw Ec2Errors.of("InvalidParameterValue#volumeSizeHigh", gib, limits.maxSize());
        }
        boolean multi = Boolean.TRUE.equals(multiAttach);
        if (multi && !volumeType.startsWith("io")) {
            throw Ec2Errors.of("InvalidParameterCombination#multiAttach");
        }
        if (throughput != null && !volumeType.equals("gp3")) {
            throw Ec2Errors.of("InvalidParameterCombination#throughput");
        }
        Integer effectiveIops = iops(volumeType, limits, gib, iops);
        Integer effectiveThroughput = volumeType.equals("gp3") ? throughput(throughput, effectiveIops) : null;
        return new Spec(volumeType, gib, effectiveIops, effectiveThroughput, multi);
    }

    private static Integer iops(String type, Limits limits, int gib, Integer iops) {
        if (limits.maxIops() == 0) {
            if (iops != null) {
                throw Ec2Errors.of("InvalidParameterCombination#iops", type);
            }
            // gp2 earns 3 IOPS per GiB between 100 and 16,000; HDD and magnetic volumes report none.
            return type.equals("gp2") ? Math.min(16000, Math.max(100, 3 * gib)) : null;
        }
        if (iops == null) {
            if (type.equals("gp3")) {
                return GP3_BASE_IOPS;
            }
            throw Ec2Errors.of("MissingParameter", "iops");
        }
        if (iops < limits.minIops()) {
            throw Ec2Errors.of("InvalidParameterValue#iopsLow", iops, limits.minIops());
        }
        if (iops > limits.maxIops()) {
            throw Ec2Errors.of("InvalidParameterValue#iopsHigh", iops, limits.maxIops());
        }
        // gp3's baseline 3,000 IOPS come with any size; the ratio only binds above it.
        if (!(type.equals("gp3") && iops <= GP3_BASE_IOPS) && (double) iops / gib > limits.maxIopsPerGib()) {
            throw Ec2Errors.of("InvalidParameterValue#iopsRatio",
                    String.format(Locale.ROOT, "%.6f", (double) iops / gib), limits.maxIopsPerGib());
        }
        return iops;
    }

    private static int throughput(Integer throughput, int iops) {
        if (throughput == null) {
            return GP3_BASE_THROUGHPUT;
        }
        if (throughput < GP3_BASE_THROUGHPUT || throughput > GP3_MAX_THROUGHPUT) {
            throw Ec2Errors.of("InvalidParameterValue#throughput", throughput, GP3_BASE_THROUGHPUT, GP3_MAX_THROUGHPUT);
        }
        if (throughput > iops / 4.0) {
            throw Ec2Errors.of("InvalidParameterValue#throughputRatio",
                    String.format(Locale.ROOT, "%.6f", throughput / (double) iops));
        }
        return throughput;
    }
}
