package io.cloudjar.lightsail;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AvailabilityZone;
import software.amazon.awssdk.services.lightsail.model.GetRegionsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRegionsResponse;
import software.amazon.awssdk.services.lightsail.model.Region;

/** The regions Lightsail serves, whatever region the call is sent to; names and zones from the shared catalogue. */
public final class RegionsProvider implements ServiceProvider {
    /** In the order AWS lists them (launch order), as a recorded {@code aws lightsail get-regions} shows. */
    static final List<String> LIGHTSAIL_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
            "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-south-1",
            "ca-central-1", "eu-north-1");

    @Override
    public String api() {
        return "lightsail";
    }

    /** Zones not asked for come back as empty lists, not absent, as AWS answers. */
    public GetRegionsResponse getRegions(CallContext ctx, GetRegionsRequest request) {
        boolean zones = Boolean.TRUE.equals(request.includeAvailabilityZones());
        boolean databaseZones = Boolean.TRUE.equals(request.includeRelationalDatabaseAvailabilityZones());
        List<Region> regions = LIGHTSAIL_REGIONS.stream().map(RegionCatalog::get).map(r -> Region.builder()
                .continentCode(continent(r.name()))
                .description(r.description())
                .displayName(r.city())
                .name(r.name())
                .availabilityZones(zones ? zones(r) : List.of())
                .relationalDatabaseAvailabilityZones(databaseZones ? zones(r) : List.of())
                .build()).toList();
        return GetRegionsResponse.builder().regions(regions).build();
    }

    private static List<AvailabilityZone> zones(RegionCatalog.Region region) {
        return region.zones().stream()
                .map(z -> AvailabilityZone.builder().zoneName(z.name()).state("available").build())
                .toList();
    }

    /** Lightsail's continent codes: NA for us-* and ca-*, else the prefix (EU, AP). */
    private static String continent(String region) {
        String prefix = region.substring(0, region.indexOf('-'));
        return prefix.equals("us") || prefix.equals("ca") ? "NA" : prefix.toUpperCase(java.util.Locale.ROOT);
    }
}
