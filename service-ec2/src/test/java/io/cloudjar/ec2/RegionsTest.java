package io.cloudjar.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class RegionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void describeRegionsListsEnabledRegionsWithEndpoints() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            var regions = ec2.describeRegions().regions();
            assertThat(regions).extracting(r -> r.regionName()).contains("us-east-1", "ap-northeast-2").doesNotContain("af-south-1");
            assertThat(regions).filteredOn(r -> r.regionName().equals("ap-northeast-2")).first()
                    .satisfies(r -> assertThat(r.endpoint()).isEqualTo("ec2.ap-northeast-2.amazonaws.com"));
            assertThat(ec2.describeRegions(r -> r.allRegions(true)).regions()).extracting(r -> r.regionName()).contains("af-south-1");
            assertThat(ec2.describeRegions(r -> r.filters(f -> f.name("region-name").values("eu-*"))).regions())
                    .allSatisfy(r -> assertThat(r.regionName()).startsWith("eu-"));
        }
    }

    @Test
    void zonesBelongToTheRegionOfTheCall() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            var zones = ec2.describeAvailabilityZones().availabilityZones();
            assertThat(zones).extracting(z -> z.zoneName()).containsExactly("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d");
            assertThat(zones.get(0).zoneId()).isEqualTo("apne2-az1");
            assertThatThrownBy(() -> ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1a")))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
            assertThatThrownBy(() -> ec2.describeAvailabilityZones(r -> r.filters(f -> f.name("bogus").values("x"))))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        }
    }
}
