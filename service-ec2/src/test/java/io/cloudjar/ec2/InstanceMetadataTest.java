package io.cloudjar.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** What an instance's metadata service shows (IMDSv1 reads; tokens are in ImdsSessionTokensTest). */
class InstanceMetadataTest extends Ec2SdkTest {
    private final ImdsHttp imds = new ImdsHttp(cloudjar);

    /** A t2.micro from the Ubuntu 22.04 image, already running. */
    private Instance launch(Consumer<RunInstancesRequest.Builder> more) {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> {
            r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1).placement(p -> p.availabilityZone("us-east-1a"));
            more.accept(r);
        }).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        return TestLaunches.describe(ec2, id);
    }

    private String value(String instanceId, String path) {
        HttpResponse<String> answer = imds.get(instanceId, path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void metaDataListsWhatTheInstanceHasAndEachValueIsWhatDescribeInstancesShows() {
        Instance i = launch(r -> { });
        HttpResponse<String> listing = imds.get(i.instanceId(), "/latest/meta-data/");
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(listing.headers().firstValue("Server")).contains("EC2ws");
        assertThat(listing.body()).isEqualTo(String.join("\n", "ami-id", "ami-launch-index", "ami-manifest-path",
                "block-device-mapping/", "hostname", "instance-action", "instance-id", "instance-life-cycle", "instance-type",
                "local-hostname", "local-ipv4", "mac", "network/", "placement/", "public-hostname", "public-ipv4",
                "reservation-id", "security-groups", "services/"));
        assertThat(value(i.instanceId(), "/latest/meta-data")).as("without the slash too").isEqualTo(listing.body());

        String reservation = ec2.describeInstances(r -> r.instanceIds(i.instanceId())).reservations().get(0).reservationId();
        String zoneId = ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1a")).availabilityZones().get(0).zoneId();
        assertThat(value(i.instanceId(), "/latest/meta-data/instance-id")).isEqualTo(i.instanceId());
        assertThat(value(i.instanceId(), "/latest/meta-data/ami-id")).isEqualTo(i.imageId());
        assertThat(value(i.instanceId(), "/latest/meta-data/ami-launch-index")).isEqualTo("0");
        assertThat(value(i.instanceId(), "/latest/meta-data/instance-type")).isEqualTo("t2.micro");
        assertThat(value(i.instanceId(), "/latest/meta-data/reservation-id")).isEqualTo(reservation);
        assertThat(value(i.instanceId(), "/latest/meta-data/local-ipv4")).isEqualTo(i.privateIpAddress());
        assertThat(value(i.instanceId(), "/latest/meta-data/local-hostname")).isEqualTo(i.privateDnsName())
                .isEqualTo(value(i.instanceId(), "/latest/meta-data/hostname")).endsWith(".ec2.internal");
        assertThat(value(i.instanceId(), "/latest/meta-data/public-ipv4")).isEqualTo(i.publicIpAddress());
        assertThat(value(i.instanceId(), "/latest/meta-data/public-hostname")).isEqualTo(i.publicDnsName());
        assertThat(value(i.instanceId(), "/latest/meta-data/mac")).isEqualTo(i.networkInterfaces().get(0).macAddress());
        assertThat(value(i.instanceId(), "/latest/meta-data/security-groups")).isEqualTo("default");
        assertThat(value(i.instanceId(), "/latest/meta-data/block-device-mapping/root")).isEqualTo("/dev/sda1");
        assertThat(value(i.instanceId(), "/latest/meta-data/placement/")).isEqualTo("availability-zone\navailability-zone-id\nregion");
        assertThat(value(i.instanceId(), "/latest/meta-data/placement/availability-zone")).isEqualTo("us-east-1a");
        assertThat(value(i.instanceId(), "/latest/meta-data/placement/availability-zone-id")).isEqualTo(zoneId);
        assertThat(value(i.instanceId(), "/latest/meta-data/placement/region")).isEqualTo("us-east-1");
        assertThat(value(i.instanceId(), "/latest/meta-data/services/partition")).isEqualTo("aws");
        assertThat(value(i.instanceId(), "/latest/meta-data/services/domain")).isEqualTo("amazonaws.com");
        assertThat(value(i.instanceId(), "/latest/")).isEqualTo("dynamic\nmeta-data");
        assertThat(value(i.instanceId(), "/")).isEqualTo("latest");
        assertThat(value(i.instanceId(), "/2021-07-15/meta-data/instance-id")).as("dated versions").isEqualTo(i.instanceId());
    }

    @Test
    void eachInterfaceIsListedByItsMacWithItsAddressesGroupsAndSubnet() {
        Instance i = launch(r -> { });
        var eni = i.networkInterfaces().get(0);
        Subnet subnet = ec2.describeSubnets(r -> r.subnetIds(i.subnetId())).subnets().get(0);
        String base = "/latest/meta-data/network/interfaces/macs/" + eni.macAddress() + "/";
        assertThat(value(i.instanceId(), "/latest/meta-data/network/interfaces/macs/")).isEqualTo(eni.macAddress() + "/");
        assertThat(value(i.instanceId(), base)).isEqualTo(String.join("\n", "device-number", "interface-id",
                "ipv4-associations/", "local-hostname", "local-ipv4s", "mac", "owner-id", "public-hostname", "public-ipv4s",
                "security-group-ids", "security-groups", "subnet-id", "subnet-ipv4-cidr-block", "vpc-id"));
        assertThat(value(i.instanceId(), base + "device-number")).isEqualTo("0");
        assertThat(value(i.instanceId(), base + "interface-id")).isEqualTo(eni.networkInterfaceId());
        assertThat(value(i.instanceId(), base + "local-ipv4s")).isEqualTo(i.privateIpAddress());
        assertThat(value(i.instanceId(), base + "public-ipv4s")).isEqualTo(i.publicIpAddress());
        assertThat(value(i.instanceId(), base + "ipv4-associations/" + i.publicIpAddress())).isEqualTo(i.privateIpAddress());
        assertThat(value(i.instanceId(), base + "owner-id")).isEqualTo("000000000000");
        assertThat(value(i.instanceId(), base + "security-group-ids")).isEqualTo(i.securityGroups().get(0).groupId());
        assertThat(value(i.instanceId(), base + "subnet-id")).isEqualTo(i.subnetId());
        assertThat(value(i.instanceId(), base + "subnet-ipv4-cidr-block")).isEqualTo(subnet.cidrBlock());
        assertThat(value(i.instanceId(), base + "vpc-id")).isEqualTo(i.vpcId());
    }

    @Test
    void anInstanceWithoutAPublicAddressListsNoPublicEntries() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        Instance i = launch(r -> r.subnetId(subnet));
        assertThat(i.publicIpAddress()).isNull();

        String listing = value(i.instanceId(), "/latest/meta-data/");
        assertThat(listing.lines()).contains("local-ipv4").doesNotContain("public-ipv4", "public-hostname");
        assertThat(imds.get(i.instanceId(), "/latest/meta-data/public-ipv4").statusCode()).isEqualTo(404);
        String mac = i.networkInterfaces().get(0).macAddress();
        assertThat(value(i.instanceId(), "/latest/meta-data/network/interfaces/macs/" + mac + "/").lines())
                .doesNotContain("public-ipv4s", "ipv4-associations/");
        assertThat(value(i.instanceId(), "/latest/meta-data/network/interfaces/macs/" + mac + "/subnet-ipv4-cidr-block"))
                .isEqualTo("10.0.1.0/24");
    }

    @Test
    void anUnknownPathIsEc2sNotFoundPage() {
        Instance i = launch(r -> { });
        HttpResponse<String> missing = imds.get(i.instanceId(), "/latest/meta-data/no-such-thing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(missing.body()).contains("<title>404 - Not Found</title>");
        assertThat(imds.get(i.instanceId(), "/latest/meta-data/instance-id/more").statusCode()).isEqualTo(404);
        assertThat(imds.get(i.instanceId(), "/not-a-version/meta-data/").statusCode()).isEqualTo(404);
        assertThat(imds.get("i-0123456789abcdef0", "/latest/meta-data/").statusCode()).as("unknown instance").isEqualTo(404);
    }

    @Test
    void userDataIsServedDecodedByteForByteAndIsAbsentWithoutAny() {
        String script = "#!/bin/bash\necho hello > /tmp/hello\n";
        Instance withScript = launch(r -> r.userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<byte[]> data = imds.getBytes(withScript.instanceId(), "/latest/user-data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(new String(data.body(), StandardCharsets.UTF_8)).isEqualTo(script);
        assertThat(data.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(value(withScript.instanceId(), "/latest/")).isEqualTo("dynamic\nmeta-data\nuser-data");

        byte[] binary = {0x1f, (byte) 0x8b, 8, 0, 0, (byte) 0xff, 0x7f};
        Instance gzipped = launch(r -> r.userData(Base64.getEncoder().encodeToString(binary)));
        assertThat(imds.getBytes(gzipped.instanceId(), "/latest/user-data").body()).containsExactly(binary);

        Instance none = launch(r -> { });
        assertThat(imds.get(none.instanceId(), "/latest/user-data").statusCode()).isEqualTo(404);
    }

    @Test
    void theIdentityDocumentIsEc2sJsonInItsPrettyLayout() throws Exception {
        Instance i = launch(r -> { });
        HttpResponse<String> answer = imds.get(i.instanceId(), "/latest/dynamic/instance-identity/document");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\n  \"accountId\" : \"000000000000\",\n  \"architecture\" : \"x86_64\",");
        JsonNode doc = new ObjectMapper().readTree(answer.body());
        assertThat(doc.path("instanceId").asText()).isEqualTo(i.instanceId());
        assertThat(doc.path("imageId").asText()).isEqualTo(i.imageId());
        assertThat(doc.path("instanceType").asText()).isEqualTo("t2.micro");
        assertThat(doc.path("availabilityZone").asText()).isEqualTo("us-east-1a");
        assertThat(doc.path("region").asText()).isEqualTo("us-east-1");
        assertThat(doc.path("privateIp").asText()).isEqualTo(i.privateIpAddress());
        assertThat(doc.path("pendingTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(doc.path("version").asText()).isEqualTo("2017-09-30");
        assertThat(doc.has("kernelId") && doc.get("kernelId").isNull()).isTrue();
        assertThat(value(i.instanceId(), "/latest/dynamic/")).isEqualTo("instance-identity/");
    }

    @Test
    void tagsAreReadableOnlyWhenTheInstanceAllowsTagsInItsMetadata() {
        Instance open = launch(r -> r.metadataOptions(m -> m.instanceMetadataTags("enabled"))
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("web"),
                        tag -> tag.key("team").value("blue"))));
        assertThat(value(open.instanceId(), "/latest/meta-data/").lines()).contains("tags/");
        assertThat(value(open.instanceId(), "/latest/meta-data/tags/instance")).isEqualTo("Name\nteam");
        assertThat(value(open.instanceId(), "/latest/meta-data/tags/instance/Name")).isEqualTo("web");
        assertThat(value(open.instanceId(), "/latest/meta-data/tags/instance/team")).isEqualTo("blue");

        Instance closed = launch(r -> r.tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("db"))));
        assertThat(value(closed.instanceId(), "/latest/meta-data/").lines()).doesNotContain("tags/");
        assertThat(imds.get(closed.instanceId(), "/latest/meta-data/tags/instance/Name").statusCode()).isEqualTo(404);
    }

    @Test
    void theLaunchKeyIsListedAsPublicKeyZeroWithItsOpenSshLine() {
        String material = ec2.createKeyPair(r -> r.keyName("lab-key").keyType("ed25519")).keyMaterial();
        assertThat(material).isNotBlank();
        String publicKey = ec2.describeKeyPairs(r -> r.keyNames("lab-key").includePublicKey(true)).keyPairs().get(0).publicKey();
        Instance i = launch(r -> r.keyName("lab-key"));
        assertThat(value(i.instanceId(), "/latest/meta-data/public-keys/")).isEqualTo("0=lab-key");
        assertThat(value(i.instanceId(), "/latest/meta-data/public-keys/0/")).isEqualTo("openssh-key");
        assertThat(value(i.instanceId(), "/latest/meta-data/public-keys/0/openssh-key"))
                .startsWith("ssh-ed25519 ").startsWith(publicKey.trim()).endsWith(" lab-key");
    }

    @Test
    void withoutIamRunningAProfileGivesNoIamEntries() {
        Instance i = launch(r -> r.iamInstanceProfile(p -> p.arn("arn:aws:iam::000000000000:instance-profile/web")));
        assertThat(i.iamInstanceProfile().arn()).endsWith("/web");
        assertThat(value(i.instanceId(), "/latest/meta-data/").lines()).doesNotContain("iam/");
        assertThat(imds.get(i.instanceId(), "/latest/meta-data/iam/info").statusCode()).isEqualTo(404);
    }
}
