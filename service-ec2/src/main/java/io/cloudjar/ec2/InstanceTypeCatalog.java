package io.cloudjar.ec2;

import io.cloudjar.vpc.api.DataFiles;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.EbsInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.PlacementGroupInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;

/**
 * The instance types of the common families (t2, t3, t3a, t4g, m5, m6i, m7g, c5, c6i, c7g, r5, r6i, and m1.small,
 * RunInstances' default) with their real vCPUs, memory and network limits, read from
 * {@code cloudjar/ec2/instance-types.tsv} on first use.
 */
final class InstanceTypeCatalog {
    private InstanceTypeCatalog() {
    }

    /** Every type, in file order (families grouped, sizes ascending). */
    static Map<String, InstanceTypeInfo> all() {
        return Holder.TYPES;
    }

    static java.util.Optional<InstanceTypeInfo> find(String type) {
        return java.util.Optional.ofNullable(type == null ? null : Holder.TYPES.get(type));
    }

    /** The CPU credit option a burstable type launches with: t2 {@code standard}, later families {@code unlimited}. */
    static String defaultCpuCredits(InstanceTypeInfo type) {
        if (!Boolean.TRUE.equals(type.burstablePerformanceSupported())) {
            return null;
        }
        return type.instanceTypeAsString().startsWith("t2.") ? "standard" : "unlimited";
    }

    private static final class Holder {
        static final Map<String, InstanceTypeInfo> TYPES = load();

        private static Map<String, InstanceTypeInfo> load() {
            Map<String, InstanceTypeInfo> types = new LinkedHashMap<>();
            for (String[] row : DataFiles.tsv("/cloudjar/ec2/instance-types.tsv")) {
                InstanceTypeInfo info = info(row);
                types.put(info.instanceTypeAsString(), info);
            }
            return java.util.Collections.unmodifiableMap(types);
        }
    }

    private static InstanceTypeInfo info(String[] c) {
        String type = c[0];
        int vcpus = Integer.parseInt(c[1]);
        boolean nitro = c[6].equals("nitro");
        boolean burstable = Boolean.parseBoolean(c[7]);
        int cores = Integer.parseInt(c[12]);
        int threads = Integer.parseInt(c[13]);
        List<String> architectures = Arrays.asList(c[3].split(","));
        boolean arm = architectures.contains("arm64");
        int enis = Integer.parseInt(c[10]);
        return InstanceTypeInfo.builder()
                .instanceType(type)
                .currentGeneration(!type.startsWith("m1.")) // m1.small: RunInstances' default type, previous generation
                .freeTierEligible(Boolean.parseBoolean(c[8]))
                .supportedUsageClassesWithStrings(List.of("on-demand", "spot"))
                .supportedRootDeviceTypesWithStrings(List.of("ebs"))
                .supportedVirtualizationTypesWithStrings(List.of("hvm"))
                .bareMetal(false)
                .hypervisor(c[6])
                .processorInfo(ProcessorInfo.builder().supportedArchitecturesWithStrings(architectures)
                        .sustainedClockSpeedInGhz(Double.parseDouble(c[4])).manufacturer(c[5]).build())
                .vCpuInfo(VCpuInfo.builder().defaultVCpus(vcpus).defaultCores(cores).defaultThreadsPerCore(threads).build())
                .memoryInfo(MemoryInfo.builder().sizeInMiB(Long.parseLong(c[2])).build())
                .instanceStorageSupported(false)
                .ebsInfo(EbsInfo.builder().ebsOptimizedSupport(nitro ? "default" : "unsupported")
                        .encryptionSupport("supported").nvmeSupport(nitro ? "required" : "unsupported").build())
                .networkInfo(NetworkInfo.builder().networkPerformance(c[9]).maximumNetworkInterfaces(enis)
                        .maximumNetworkCards(1).defaultNetworkCardIndex(0)
                        .networkCards(NetworkCardInfo.builder().networkCardIndex(0).networkPerformance(c[9])
                                .maximumNetworkInterfaces(enis).build())
                        .ipv4AddressesPerInterface(Integer.parseInt(c[11]))
                        .ipv6AddressesPerInterface(Integer.parseInt(c[11])).ipv6Supported(true)
                        .enaSupport(nitro ? "required" : "unsupported").efaSupported(false)
                        .encryptionInTransitSupported(false).enaSrdSupported(false).build())
                .placementGroupInfo(PlacementGroupInfo.builder().supportedStrategiesWithStrings(
                        burstable ? List.of("partition", "spread") : List.of("cluster", "partition", "spread")).build())
                .hibernationSupported(!arm || !burstable)
                .burstablePerformanceSupported(burstable)
                .dedicatedHostsSupported(!burstable)
                .autoRecoverySupported(true)
                .supportedBootModesWithStrings(arm ? List.of("uefi") : List.of("legacy-bios", "uefi"))
                .build();
    }
}
