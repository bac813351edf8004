package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;

/**
 * What DescribeInstances shows through the shortcuts taken for large fleets: pages cut before rendering when
 * the stored records decide the filters, and the per-instance lookups of interfaces (service-vpc) and volumes
 * that replace scans. Each must show exactly what the slow path showed after attachments change.
 */
class DescribeInstancesIndexesTest extends Ec2SdkTest {
    private List<String> launch(int count, String name) {
        return ec2.runInstances(r -> r.imageId(TestLaunches.ubuntu(ec2)).instanceType("t3.micro").minCount(count)
                        .maxCount(count).placement(p -> p.availabilityZone("us-east-1a"))
                        .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value(name))))
                .instances().stream().map(Instance::instanceId).toList();
    }

    /**
     * Every page of a filtered DescribeInstances with MaxResults 5: the ids of each page, sorted (a page lists
     * its instances by reservation).
     */
    private List<List<String>> pages(Filter... filters) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            DescribeInstancesResponse page = ec2.describeInstances(r -> r.maxResults(5).nextToken(after).filters(filters));
            pages.add(page.reservations().stream().flatMap(res -> res.instances().stream()).map(Instance::instanceId).sorted().toList());
            token = page.nextToken();
        } while (token != null);
        return pages;
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void pagesAreTheSameWhetherTheRecordsOrTheRenderedInstancesDecideTheFilters() {
        List<String> web = launch(7, "web");
        launch(3, "db");
        cloudjar.advanceClock(Duration.ofSeconds(5));

        List<List<String>> byTag = pages(filter("tag:Name", "web"), filter("instance-state-name", "running"));
        assertThat(byTag).extracting(List::size).containsExactly(5, 2);
        assertThat(byTag.stream().flatMap(List::stream)).containsExactlyElementsOf(web.stream().sorted().toList());

        // the same instances through a filter only the rendered instance can answer
        List<List<String>> rendered = pages(filter("tag:Name", "web"), filter("network-interface.status", "in-use"));
        assertThat(rendered).isEqualTo(byTag);

        List<List<String>> all = pages();
        assertThat(all).extracting(List::size).containsExactly(5, 5);
        assertThat(all.stream().flatMap(List::stream)).as("pages follow each other in id order").isSorted().hasSize(10);
        assertThat(pages(filter("tag:Name", "nothing"))).containsExactly(List.of());
    }

    @Test
    void volumesFollowAttachAndDetachBetweenInstances() {
        List<String> ids = launch(2, "web");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        String volumeId = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10)).volumeId();
        cloudjar.advanceClock(Duration.ofSeconds(5));

        ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(ids.get(0)).device("/dev/sdf"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(devices(ids.get(0))).containsExactly("/dev/sda1", "/dev/sdf");

        ec2.detachVolume(r -> r.volumeId(volumeId));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(devices(ids.get(0))).containsExactly("/dev/sda1");

        ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(ids.get(1)).device("/dev/sdg"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(devices(ids.get(0))).containsExactly("/dev/sda1");
        assertThat(devices(ids.get(1))).containsExactly("/dev/sda1", "/dev/sdg");
    }

    @Test
    void interfacesFollowAttachAndDetachBetweenInstances() {
        List<String> ids = launch(2, "web");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        String subnetId = TestLaunches.describe(ec2, ids.get(0)).subnetId();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();

        String attachment = ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni).instanceId(ids.get(0)).deviceIndex(1))
                .attachmentId();
        assertThat(interfaces(ids.get(0))).hasSize(2).last().isEqualTo(eni);

        ec2.detachNetworkInterface(r -> r.attachmentId(attachment));
        ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni).instanceId(ids.get(1)).deviceIndex(1));
        assertThat(interfaces(ids.get(0))).hasSize(1).doesNotContain(eni);
        assertThat(interfaces(ids.get(1))).hasSize(2).last().isEqualTo(eni);

        // device index 1 is taken on the second instance now, and free again on the first
        String other = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        assertEc2Error(() -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(other).instanceId(ids.get(1)).deviceIndex(1)),
                "InvalidParameterValue", 400);
        ec2.attachNetworkInterface(r -> r.networkInterfaceId(other).instanceId(ids.get(0)).deviceIndex(1));
        assertThat(interfaces(ids.get(0))).hasSize(2).last().isEqualTo(other);
    }

    private List<String> devices(String instanceId) {
        return TestLaunches.describe(ec2, instanceId).blockDeviceMappings().stream()
                .map(InstanceBlockDeviceMapping::deviceName).toList();
    }

    /** The instance's interface ids by device index. */
    private List<String> interfaces(String instanceId) {
        return TestLaunches.describe(ec2, instanceId).networkInterfaces().stream()
                .sorted(java.util.Comparator.comparing(n -> n.attachment().deviceIndex()))
                .map(InstanceNetworkInterface::networkInterfaceId).toList();
    }
}
