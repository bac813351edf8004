package io.cloudjar.ec2;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;

/** EC2 regions and availability zones, from the shared region catalogue. */
public final class RegionsProvider implements ServiceProvider {
    private static final Filters<Region> REGION_FILTERS = new Filters<Region>()
            .onValue("endpoint", Region::endpoint)
            .onValue("region-name", Region::regionName)
            .onValue("opt-in-status", Region::optInStatus);
    private static final Filters<AvailabilityZone> ZONE_FILTERS = new Filters<AvailabilityZone>()
            .onValue("zone-name", AvailabilityZone::zoneName)
            .onValue("zone-id", AvailabilityZone::zoneId)
            .onValue("zone-type", AvailabilityZone::zoneType)
            .onValue("state", AvailabilityZone::stateAsString)
            .onValue("region-name", AvailabilityZone::regionName)
            .onValue("group-name", AvailabilityZone::groupName)
            .onValue("opt-in-status", AvailabilityZone::optInStatusAsString)
            .onValue("network-border-group", AvailabilityZone::networkBorderGroup);

    @Override
    public String api() {
        return "ec2";
    }

    public DescribeRegionsResponse describeRegions(CallContext ctx, DescribeRegionsRequest request) {
        List<Filters.Filter> filters = filters(request.filters());
        REGION_FILTERS.validate(filters);
        Set<String> names = Set.copyOf(request.regionNames());
        for (String name : names) {
            if (RegionCatalog.get(name) == null) {
                throw Ec2Errors.of("InvalidParameterValue#region", name);
            }
        }
        boolean all = Boolean.TRUE.equals(request.allRegions());
        List<Region> regions = RegionCatalog.all().stream()
                .filter(r -> all || !r.optIn() || names.contains(r.name()))
                .filter(r -> names.isEmpty() || names.contains(r.name()))
                .map(r -> Region.builder().regionName(r.name()).endpoint(r.endpoint("ec2"))
                        .optInStatus(r.optIn() ? "not-opted-in" : "opt-in-not-required").build())
                .filter(r -> REGION_FILTERS.matches(r, filters))
                .toList();
        return DescribeRegionsResponse.builder().regions(regions).build();
    }

    public DescribeAvailabilityZonesResponse describeAvailabilityZones(CallContext ctx, DescribeAvailabilityZonesRequest request) {
        List<Filters.Filter> filters = filters(request.filters());
        ZONE_FILTERS.validate(filters);
        RegionCatalog.Region region = RegionCatalog.getOrDefault(ctx.region());
        List<AvailabilityZone> zones = region.zones().stream().map(z -> AvailabilityZone.builder()
                .zoneName(z.name()).zoneId(z.zoneId()).zoneType("availability-zone").state("available")
                .optInStatus("opt-in-not-required").regionName(z.region()).groupName(z.region())
                .networkBorderGroup(z.region()).messages(List.of()).build()).toList();
        Set<String> known = zones.stream().flatMap(z -> java.util.stream.Stream.of(z.zoneName(), z.zoneId())).collect(Collectors.toSet());
        for (String wanted : concat(request.zoneNames(), request.zoneIds())) {
            if (!known.contains(wanted)) {
                throw Ec2Errors.of("InvalidParameterValue#zone", wanted);
            }
        }
        List<AvailabilityZone> selected = zones.stream()
                .filter(z -> request.zoneNames().isEmpty() || request.zoneNames().contains(z.zoneName()))
                .filter(z -> request.zoneIds().isEmpty() || request.zoneIds().contains(z.zoneId()))
                .filter(z -> ZONE_FILTERS.matches(z, filters))
                .toList();
        return DescribeAvailabilityZonesResponse.builder().availabilityZones(selected).build();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static List<Filters.Filter> filters(List<Filter> filters) {
        return filters.stream().map(f -> new Filters.Filter(f.name(), f.values())).toList();
    }
}
