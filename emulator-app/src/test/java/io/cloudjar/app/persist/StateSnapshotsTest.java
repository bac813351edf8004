package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code /_cloudjar/state}: named snapshots saved and loaded on demand, and LocalStack's paths for them. */
class StateSnapshotsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DataDirs.fresh());

    @RegisterExtension
    static final CloudjarServerExtension inMemory = new CloudjarServerExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> call(CloudjarServerExtension server, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    private static boolean userExists(IamClient iam, String name) {
        return iam.listUsers().users().stream().anyMatch(u -> u.userName().equals(name));
    }

    @Test
    void aLoadedSnapshotIsTheStateItWasWhenSavedAndStaysAfterARestart() throws Exception {
        IamClient iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
        iam.createUser(r -> r.userName("before"));
        String vpcBefore = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        cloudjar.advanceClock(Duration.ofHours(1));
        var saved = call(cloudjar, "POST", "/_cloudjar/state/save?name=lab-1");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).get("saved").asText()).isEqualTo("lab-1");
        assertThat(json(saved).get("records").asLong()).isPositive();

        iam.createUser(r -> r.userName("after"));
        iam.deleteUser(r -> r.userName("before"));
        String vpcAfter = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        var clockAtSave = cloudjar.clock().now();
        cloudjar.advanceClock(Duration.ofHours(5));

        var loaded = call(cloudjar, "POST", "/_cloudjar/state/load?name=lab-1");
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(userExists(iam, "before")).isTrue();
        assertThat(userExists(iam, "after")).isFalse();
        assertThat(ec2.describeVpcs().vpcs()).extracting(v -> v.vpcId()).contains(vpcBefore).doesNotContain(vpcAfter);
        assertThat(cloudjar.clock().now()).isEqualTo(clockAtSave); // the clock is where it was when saved

        cloudjar.restart();
        iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        assertThat(userExists(iam, "before")).isTrue();
        assertThat(userExists(iam, "after")).isFalse();
        var status = json(call(cloudjar, "GET", "/_cloudjar/state"));
        assertThat(status.get("persistence").asBoolean()).isTrue();
        assertThat(status.get("snapshots")).extracting(JsonNode::asText).contains("lab-1");
    }

    @Test
    void aSnapshotKeepsS3BodiesDeletedAfterItWasSaved() throws Exception {
        S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("snap-bodies"));
        s3.putObject(r -> r.bucket("snap-bodies").key("kept.txt"), RequestBody.fromString("saved body"));
        assertThat(call(cloudjar, "POST", "/_cloudjar/state/save?name=with-bodies").statusCode()).isEqualTo(200);
        s3.deleteObject(r -> r.bucket("snap-bodies").key("kept.txt"));
        s3.putObject(r -> r.bucket("snap-bodies").key("later.txt"), RequestBody.fromString("after the save"));

        assertThat(call(cloudjar, "POST", "/_cloudjar/state/load?name=with-bodies").statusCode()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("snap-bodies").key("kept.txt")).asUtf8String()).isEqualTo("saved body");
        assertThat(s3.listObjectsV2(r -> r.bucket("snap-bodies")).contents()).extracting(o -> o.key()).containsExactly("kept.txt");
    }

    @Test
    void localStacksPathsUseTheDefaultSnapshot() throws Exception {
        IamClient iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        iam.createUser(r -> r.userName("kept-by-localstack-path"));
        assertThat(call(cloudjar, "POST", "/_localstack/state/save").statusCode()).isEqualTo(200);
        iam.deleteUser(r -> r.userName("kept-by-localstack-path"));
        assertThat(json(call(cloudjar, "POST", "/_localstack/state/load")).get("loaded").asText()).isEqualTo("default");
        assertThat(userExists(iam, "kept-by-localstack-path")).isTrue();
    }

    @Test
    void oneServiceIsResetAloneAndStaysResetAfterARestart() throws Exception {
        IamClient iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
        iam.createUser(r -> r.userName("stays"));
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();

        var reset = call(cloudjar, "POST", "/_localstack/state/ec2/reset");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json(reset).get("reset").asText()).isEqualTo("ec2");
        assertThat(ec2.describeVpcs().vpcs()).extracting(v -> v.vpcId()).doesNotContain(vpcId)
                .hasSize(1); // the default VPC, made again
        assertThat(userExists(iam, "stays")).isTrue();

        cloudjar.restart();
        iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        ec2 = cloudjar.client(Ec2Client.builder());
        assertThat(ec2.describeVpcs().vpcs()).extracting(v -> v.vpcId()).doesNotContain(vpcId);
        assertThat(userExists(iam, "stays")).isTrue();
        assertThat(call(cloudjar, "POST", "/_cloudjar/state/sts/reset").statusCode()).isEqualTo(200);
        assertThat(userExists(iam, "stays")).isFalse(); // STS and IAM share their state
        assertThat(call(cloudjar, "POST", "/_cloudjar/state/nosuch/reset").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreExplained() throws Exception {
        assertThat(call(cloudjar, "POST", "/_cloudjar/state/load?name=never-saved").statusCode()).isEqualTo(404);
        var badName = call(cloudjar, "POST", "/_cloudjar/state/save?name=../escape");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).get("error").asText()).contains("snapshot name");
        assertThat(call(cloudjar, "GET", "/_cloudjar/state/save").statusCode()).isEqualTo(405);
        assertThat(call(cloudjar, "POST", "/_cloudjar/state/bogus").statusCode()).isEqualTo(404);
        var notKept = call(inMemory, "POST", "/_cloudjar/state/save");
        assertThat(notKept.statusCode()).isEqualTo(400);
        assertThat(json(notKept).get("error").asText()).contains("PERSISTENCE=1");
        assertThat(json(call(inMemory, "GET", "/_cloudjar/state")).get("persistence").asBoolean()).isFalse();
    }
}
