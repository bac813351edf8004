package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AvailabilityZone;
import software.amazon.awssdk.services.lightsail.model.RegionName;

class RegionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void listsLightsailRegionsWithoutZonesByDefault() {
        try (LightsailClient lightsail = cloudjar.client(LightsailClient.builder())) {
            var regions = lightsail.getRegions().regions();
            assertThat(regions).extracting(r -> r.nameAsString()).containsExactlyInAnyOrder(
                    "us-east-1", "us-east-2", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
                    "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
                    "ap-southeast-1", "ap-southeast-2");
            var seoul = regions.stream().filter(r -> r.name() == RegionName.AP_NORTHEAST_2).findFirst().orElseThrow();
            assertThat(seoul.displayName()).isEqualTo("Seoul");
            assertThat(seoul.continentCode()).isEqualTo("AP");
            assertThat(seoul.description()).isEqualTo("This region is recommended to serve users in South Korea");
            var virginia = regions.stream().filter(r -> r.name() == RegionName.US_EAST_1).findFirst().orElseThrow();
            assertThat(virginia.displayName()).isEqualTo("Virginia");
            assertThat(virginia.continentCode()).isEqualTo("NA");
            assertThat(regions).filteredOn(r -> r.nameAsString().equals("ca-central-1")).first()
                    .satisfies(r -> assertThat(r.continentCode()).isEqualTo("NA"));
            assertThat(regions).allSatisfy(r -> {
                assertThat(r.hasAvailabilityZones()).isTrue();
                assertThat(r.availabilityZones()).isEmpty();
                assertThat(r.relationalDatabaseAvailabilityZones()).isEmpty();
            });
        }
    }

    @Test
    void zonesOnRequestWhateverTheRegionOfTheCall() {
        try (LightsailClient lightsail = cloudjar.client(LightsailClient.builder(), Region.EU_WEST_2, "test", "test")) {
            var regions = lightsail.getRegions(r -> r.includeAvailabilityZones(true)).regions();
            assertThat(regions).hasSize(14);
            var seoul = regions.stream().filter(r -> r.name() == RegionName.AP_NORTHEAST_2).findFirst().orElseThrow();
            assertThat(seoul.availabilityZones()).extracting(AvailabilityZone::zoneName, AvailabilityZone::state)
                    .containsExactly(
                            tuple("ap-northeast-2a", "available"),
                            tuple("ap-northeast-2b", "available"),
                            tuple("ap-northeast-2c", "available"),
                            tuple("ap-northeast-2d", "available"));
            assertThat(seoul.relationalDatabaseAvailabilityZones()).isEmpty();

            var both = lightsail.getRegions(r -> r.includeAvailabilityZones(true).includeRelationalDatabaseAvailabilityZones(true)).regions();
            var tokyo = both.stream().filter(r -> r.name() == RegionName.AP_NORTHEAST_1).findFirst().orElseThrow();
            assertThat(tokyo.relationalDatabaseAvailabilityZones()).extracting(AvailabilityZone::zoneName)
                    .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
            var dbOnly = lightsail.getRegions(r -> r.includeRelationalDatabaseAvailabilityZones(true)).regions();
            assertThat(dbOnly).allSatisfy(r -> {
                assertThat(r.availabilityZones()).isEmpty();
                assertThat(r.relationalDatabaseAvailabilityZones()).isNotEmpty()
                        .allSatisfy(z -> assertThat(z.zoneName()).startsWith(r.nameAsString()));
            });
        }
    }
}
