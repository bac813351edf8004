package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** DescribeInstances: reservations, the filters people use, paging, and the waiters built on it. */
class DescribeInstancesTest extends Ec2SdkTest {
    private List<String> ids(Filter... filters) {
        return ec2.describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(r -> r.instances().stream()).map(Instance::instanceId).sorted().toList();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void filtersSelectByStateTypeNetworkTagsAndAddresses() {
        String image = TestLaunches.ubuntu(ec2);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        ec2.createKeyPair(r -> r.keyName("lab"));
        String web = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1).keyName("lab")
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("web-1")))).instances().get(0).instanceId();
        String db = ec2.runInstances(r -> r.imageId(image).instanceType("t3.small").minCount(1).maxCount(1).subnetId(subnet)
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("db-1")))).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(2));
        ec2.stopInstances(r -> r.instanceIds(db));
        Instance webNow = TestLaunches.describe(ec2, web);

        assertThat(ids(filter("instance-state-name", "running"))).containsExactly(web);
        assertThat(ids(filter("instance-state-name", "stopping", "stopped"))).containsExactly(db);
        assertThat(ids(filter("instance-state-code", "16"))).containsExactly(web);
        assertThat(ids(filter("instance-type", "t3.*"))).containsExactly(db);
        assertThat(ids(filter("vpc-id", vpc))).containsExactly(db);
        assertThat(ids(filter("subnet-id", subnet))).containsExactly(db);
        assertThat(ids(filter("tag:Name", "web-*"))).containsExactly(web);
        assertThat(ids(filter("tag-key", "Name"))).containsExactlyInAnyOrder(web, db);
        assertThat(ids(filter("key-name", "lab"))).containsExactly(web);
        assertThat(ids(filter("ip-address", webNow.publicIpAddress()))).containsExactly(web);
        assertThat(ids(filter("private-ip-address", "10.0.1.4"))).containsExactly(db);
        assertThat(ids(filter("network-interface.addresses.private-ip-address", "10.0.1.4"))).containsExactly(db);
        assertThat(ids(filter("instance.group-name", "default"))).containsExactlyInAnyOrder(web, db);
        assertThat(ids(filter("image-id", image), filter("availability-zone", "us-east-1a"))).containsExactlyInAnyOrder(web, db);
        assertThat(ids(filter("block-device-mapping.device-name", "/dev/sda1"))).containsExactlyInAnyOrder(web, db);
        assertThat(ids(filter("owner-id", "000000000000"))).hasSize(2);
        assertThat(ids(filter("instance-state-name", "running"), filter("tag:Name", "db-1"))).isEmpty();
        assertEc2Error(() -> ids(filter("colour", "red")), "InvalidParameterValue", 400, "The filter 'colour' is invalid");
    }

    @Test
    void pagesAreInIdOrderAndReservationsGroupTheirInstances() {
        String image = TestLaunches.ubuntu(ec2);
        ec2.runInstances(r -> r.imageId(image).instanceType("t2.nano").minCount(7).maxCount(7));
        ec2.runInstances(r -> r.imageId(image).instanceType("t2.nano").minCount(1).maxCount(1));

        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = ec2.describeInstances(r -> r.maxResults(5).nextToken(next));
            pages.add(page.reservations().stream().flatMap(res -> res.instances().stream()).map(Instance::instanceId).sorted().toList());
            token = page.nextToken();
        } while (token != null);
        assertThat(pages).extracting(List::size).containsExactly(5, 3);
        List<String> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).as("pages follow each other in id order").isSorted().doesNotHaveDuplicates();
        assertThat(ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().maxResults(5).build()).reservations()
                .stream().mapToInt(r -> r.instances().size()).sum()).isEqualTo(8);
        List<Reservation> all = ec2.describeInstances().reservations();
        assertThat(all).extracting(r -> r.instances().size()).containsExactlyInAnyOrder(7, 1);

        assertEc2Error(() -> ec2.describeInstances(r -> r.maxResults(3)), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.describeInstances(r -> r.maxResults(5).instanceIds(seen.get(0))), "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.describeInstances(r -> r.instanceIds("i-nope")), "InvalidInstanceID.Malformed", 400);
    }

    @Test
    void theSdkWaitersSeeInstancesRunStopAndTerminate() {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)).instances().get(0).instanceId();
        // The SDK's waiter polls every 15 s; moving the clock first lets its first poll succeed.
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id)).matched().response()).isPresent();
        cloudjar.advanceClock(Duration.ofSeconds(2)); // status checks pass two seconds after it runs
        assertThat(ec2.waiter().waitUntilInstanceStatusOk(r -> r.instanceIds(id)).matched().response()).isPresent();
        ec2.terminateInstances(r -> r.instanceIds(id));
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(id)).matched().response()).isPresent();
    }
}
