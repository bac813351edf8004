package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;

class InstanceTypesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void instanceTypesCarryTheirRealVcpusAndMemory() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            List<InstanceTypeInfo> types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro", "m5.large", "t4g.small")).instanceTypes();
            assertThat(types).extracting(InstanceTypeInfo::instanceTypeAsString).containsExactly("m5.large", "t2.micro", "t4g.small");
            InstanceTypeInfo micro = types.get(1);
            assertThat(micro.vCpuInfo().defaultVCpus()).isEqualTo(1);
            assertThat(micro.memoryInfo().sizeInMiB()).isEqualTo(1024L);
            assertThat(micro.freeTierEligible()).isTrue();
            assertThat(micro.burstablePerformanceSupported()).isTrue();
            assertThat(micro.hypervisorAsString()).isEqualTo("xen");
            assertThat(micro.processorInfo().supportedArchitecturesAsStrings()).containsExactly("i386", "x86_64");
            assertThat(micro.networkInfo().maximumNetworkInterfaces()).isEqualTo(2);
            assertThat(types.get(0).memoryInfo().sizeInMiB()).isEqualTo(8192L);
            assertThat(types.get(2).processorInfo().supportedArchitecturesAsStrings()).containsExactly("arm64");
        }
    }

    @Test
    void filtersAndPagesSelectTypes() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("free-tier-eligible").values("true"))).instanceTypes())
                    .extracting(InstanceTypeInfo::instanceTypeAsString).containsExactlyInAnyOrder("t2.micro", "t3.micro");
            assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("instance-type").values("c6i.*"),
                    f -> f.name("vcpu-info.default-vcpus").values("2", "4"))).instanceTypes())
                    .extracting(InstanceTypeInfo::instanceTypeAsString).containsExactlyInAnyOrder("c6i.large", "c6i.xlarge");
            assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("processor-info.supported-architecture").values("arm64"))).instanceTypes())
                    .isNotEmpty().allSatisfy(t -> assertThat(t.instanceTypeAsString()).matches("(t4g|m7g|c7g)\\..*"));
            List<String> all = ec2.describeInstanceTypesPaginator(DescribeInstanceTypesRequest.builder().maxResults(20).build())
                    .instanceTypes().stream().map(InstanceTypeInfo::instanceTypeAsString).toList();
            assertThat(all).hasSizeGreaterThan(80).doesNotHaveDuplicates().contains("r5.24xlarge", "t3a.nano");
            assertEc2Error(() -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t9.huge")), "InvalidParameterValue", 400);
            assertEc2Error(() -> ec2.describeInstanceTypes(r -> r.maxResults(101)), "InvalidParameterValue", 400);
            assertEc2Error(() -> ec2.describeInstanceTypes(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400);
        }
    }

    @Test
    void offeringsListTheRegionOrItsZones() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            List<InstanceTypeOffering> region = ec2.describeInstanceTypeOfferings(r -> r.filters(f -> f.name("instance-type").values("t2.micro")))
                    .instanceTypeOfferings();
            assertThat(region).singleElement().satisfies(o -> {
                assertThat(o.location()).isEqualTo("ap-northeast-2");
                assertThat(o.locationTypeAsString()).isEqualTo("region");
            });
            assertThat(ec2.describeInstanceTypeOfferings(r -> r.locationType("availability-zone")
                    .filters(f -> f.name("instance-type").values("t3.micro"))).instanceTypeOfferings())
                    .extracting(InstanceTypeOffering::location)
                    .containsExactly("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d");
            assertThat(ec2.describeInstanceTypeOfferings(r -> r.locationType("availability-zone-id")
                    .filters(f -> f.name("location").values("apne2-az1"), f -> f.name("instance-type").values("m5.*"))).instanceTypeOfferings())
                    .hasSize(8);
        }
    }
}
