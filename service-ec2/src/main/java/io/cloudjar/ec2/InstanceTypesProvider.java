package io.cloudjar.ec2;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;

/** DescribeInstanceTypes and DescribeInstanceTypeOfferings over {@link InstanceTypeCatalog}; every region offers every type. */
public final class InstanceTypesProvider implements ServiceProvider {
    private static final Filters<InstanceTypeInfo> TYPE_FILTERS = new Filters<InstanceTypeInfo>()
            .onValue("instance-type", InstanceTypeInfo::instanceTypeAsString)
            .onValue("auto-recovery-supported", InstanceTypeInfo::autoRecoverySupported)
            .onValue("bare-metal", InstanceTypeInfo::bareMetal)
            .onValue("burstable-performance-supported", InstanceTypeInfo::burstablePerformanceSupported)
            .onValue("current-generation", InstanceTypeInfo::currentGeneration)
            .onValue("dedicated-hosts-supported", InstanceTypeInfo::dedicatedHostsSupported)
            .onValue("ebs-info.ebs-optimized-support", t -> t.ebsInfo().ebsOptimizedSupportAsString())
            .onValue("ebs-info.encryption-support", t -> t.ebsInfo().encryptionSupportAsString())
            .onValue("ebs-info.nvme-support", t -> t.ebsInfo().nvmeSupportAsString())
            .onValue("free-tier-eligible", InstanceTypeInfo::freeTierEligible)
            .onValue("hibernation-supported", InstanceTypeInfo::hibernationSupported)
            .onValue("hypervisor", InstanceTypeInfo::hypervisorAsString)
            .onValue("instance-storage-supported", InstanceTypeInfo::instanceStorageSupported)
            .onValue("memory-info.size-in-mib", t -> t.memoryInfo().sizeInMiB())
            .onValue("network-info.ena-support", t -> t.networkInfo().enaSupportAsString())
            .onValue("network-info.ipv4-addresses-per-interface", t -> t.networkInfo().ipv4AddressesPerInterface())
            .onValue("network-info.ipv6-supported", t -> t.networkInfo().ipv6Supported())
            .onValue("network-info.maximum-network-interfaces", t -> t.networkInfo().maximumNetworkInterfaces())
            .onValue("network-info.network-performance", t -> t.networkInfo().networkPerformance())
            .on("processor-info.supported-architecture", t -> t.processorInfo().supportedArchitecturesAsStrings())
            .onValue("processor-info.sustained-clock-speed-in-ghz", t -> t.processorInfo().sustainedClockSpeedInGhz())
            .onValue("processor-info.manufacturer", t -> t.processorInfo().manufacturer())
            .on("supported-boot-mode", InstanceTypeInfo::supportedBootModesAsStrings)
            .on("supported-root-device-type", InstanceTypeInfo::supportedRootDeviceTypesAsStrings)
            .on("supported-usage-class", InstanceTypeInfo::supportedUsageClassesAsStrings)
            .on("supported-virtualization-type", InstanceTypeInfo::supportedVirtualizationTypesAsStrings)
            .onValue("vcpu-info.default-cores", t -> t.vCpuInfo().defaultCores())
            .onValue("vcpu-info.default-threads-per-core", t -> t.vCpuInfo().defaultThreadsPerCore())
            .onValue("vcpu-info.default-vcpus", t -> t.vCpuInfo().defaultVCpus());
    private static final Filters<InstanceTypeOffering> OFFERING_FILTERS = new Filters<InstanceTypeOffering>()
            .onValue("instance-type", InstanceTypeOffering::instanceTypeAsString)
            .onValue("location", InstanceTypeOffering::location);

    @Override
    public String api() {
        return "ec2";
    }

    public DescribeInstanceTypesResponse describeInstanceTypes(CallContext ctx, DescribeInstanceTypesRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        TYPE_FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, 100);
        List<String> unknown = request.instanceTypesAsStrings().stream()
                .filter(t -> !InstanceTypeCatalog.all().containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            throw Ec2Errors.of("InvalidInstanceType", String.join(", ", unknown));
        }
        List<InstanceTypeInfo> matching = InstanceTypeCatalog.all().values().stream()
                .filter(t -> request.instanceTypesAsStrings().isEmpty()
                        || request.instanceTypesAsStrings().contains(t.instanceTypeAsString()))
                .filter(t -> TYPE_FILTERS.matches(t, filters))
                .toList();
        Pages.Page<InstanceTypeInfo> page = DescribePaging.page(matching, InstanceTypeInfo::instanceTypeAsString,
                request.maxResults(), request.nextToken());
        return DescribeInstanceTypesResponse.builder().instanceTypes(page.items()).nextToken(page.nextToken()).build();
    }

    public DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(CallContext ctx,
                                                                               DescribeInstanceTypeOfferingsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        OFFERING_FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, 1000);
        String locationType = request.locationTypeAsString() == null ? "region" : request.locationTypeAsString();
        List<String> locations = switch (locationType) {
            case "availability-zone" -> RegionCatalog.getOrDefault(ctx.region()).zones().stream().map(RegionCatalog.Zone::name).toList();
            case "availability-zone-id" -> RegionCatalog.getOrDefault(ctx.region()).zones().stream().map(RegionCatalog.Zone::zoneId).toList();
            default -> List.of(ctx.region());
        };
        List<InstanceTypeOffering> offerings = new ArrayList<>();
        for (String location : locations) {
            for (String type : InstanceTypeCatalog.all().keySet()) {
                InstanceTypeOffering offering = InstanceTypeOffering.builder().instanceType(type)
                        .locationType(locationType).location(location).build();
                if (OFFERING_FILTERS.matches(offering, filters)) {
                    offerings.add(offering);
                }
            }
        }
        Pages.Page<InstanceTypeOffering> page = DescribePaging.page(offerings, o -> o.location() + "/" + o.instanceTypeAsString(),
                request.maxResults(), request.nextToken());
        return DescribeInstanceTypeOfferingsResponse.builder().instanceTypeOfferings(page.items())
                .nextToken(page.nextToken()).build();
    }
}
