package io.cloudjar.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;
import software.amazon.awssdk.imds.Ec2MetadataRetryPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;

/** The AWS SDK's own IMDS client (IMDSv2: token, then reads) against an instance's metadata service. */
class Ec2MetadataClientTest extends Ec2SdkTest {
    private final ImdsHttp imds = new ImdsHttp(cloudjar);

    private Instance running(java.util.function.Consumer<InstanceMetadataOptionsRequest.Builder> options) {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.small").minCount(1).maxCount(1)
                .userData(Base64.getEncoder().encodeToString("#cloud-config\npackages: [nginx]\n".getBytes()))
                .metadataOptions(options)).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        return TestLaunches.describe(ec2, id);
    }

    private Ec2MetadataClient client(String instanceId) {
        return Ec2MetadataClient.builder().endpoint(imds.endpoint(instanceId)).retryPolicy(Ec2MetadataRetryPolicy.none())
                .build();
    }

    @Test
    void theSdkClientReadsValuesListsUserDataAndTheIdentityDocument() {
        Instance i = running(o -> o.httpTokens("required"));
        try (Ec2MetadataClient client = client(i.instanceId())) {
            assertThat(client.get("/latest/meta-data/instance-id").asString()).isEqualTo(i.instanceId());
            assertThat(client.get("/latest/meta-data/local-ipv4").asString()).isEqualTo(i.privateIpAddress());
            assertThat(client.get("/latest/meta-data/placement/region").asString()).isEqualTo("us-east-1");
            assertThat(client.get("/latest/meta-data/placement/").asList())
                    .containsExactly("availability-zone", "availability-zone-id", "region");
            assertThat(client.get("/latest/user-data").asString()).isEqualTo("#cloud-config\npackages: [nginx]\n");

            Map<String, Document> doc = client.get("/latest/dynamic/instance-identity/document").asDocument().asMap();
            assertThat(doc.get("instanceId").asString()).isEqualTo(i.instanceId());
            assertThat(doc.get("instanceType").asString()).isEqualTo("t3.small");
            assertThat(doc.get("accountId").asString()).isEqualTo("000000000000");
            assertThat(doc.get("region").asString()).isEqualTo("us-east-1");
        }
    }

    @Test
    void missingPathsAndADisabledEndpointSurfaceAsTheClientsErrorsWithEc2sStatuses() {
        Instance enabled = running(o -> { });
        try (Ec2MetadataClient client = client(enabled.instanceId())) {
            Ec2MetadataClientException missing = catchThrowableOfType(Ec2MetadataClientException.class,
                    () -> client.get("/latest/meta-data/iam/info"));
            assertThat(missing).isNotNull();
            assertThat(missing.statusCode()).isEqualTo(404);
        }
        Instance disabled = running(o -> o.httpEndpoint("disabled"));
        try (Ec2MetadataClient client = client(disabled.instanceId())) {
            Ec2MetadataClientException forbidden = catchThrowableOfType(Ec2MetadataClientException.class,
                    () -> client.get("/latest/meta-data/instance-id"));
            assertThat(forbidden).isNotNull();
            assertThat(forbidden.statusCode()).isEqualTo(403);
        }
    }
}
