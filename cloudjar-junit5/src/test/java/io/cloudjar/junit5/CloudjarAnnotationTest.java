package io.cloudjar.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.server.CloudjarServer;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

@Cloudjar(resetBetweenTests = true, env = "EC2_TRANSITION_SCALE=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudjarAnnotationTest {
    private final URI constructorEndpoint;

    CloudjarAnnotationTest(URI endpoint) {
        this.constructorEndpoint = endpoint;
    }

    @Test
    @Order(1)
    void injectsClientsEndpointAndServer(S3Client s3, Ec2Client ec2, IamClient iam, StsClient sts, URI endpoint,
                                         CloudjarServer server) {
        assertThat(endpoint).isEqualTo(URI.create("http://localhost:" + server.port())).isEqualTo(constructorEndpoint);
        assertThat(server.runtime().config().env()).containsEntry("EC2_TRANSITION_SCALE", "0");
        s3.createBucket(b -> b.bucket("kept-until-reset"));
        s3.putObject(p -> p.bucket("kept-until-reset").key("k"), RequestBody.fromString("hello"));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("kept-until-reset").key("k")).asUtf8String()).isEqualTo("hello");
        assertThat(ec2.describeRegions().regions()).isNotEmpty();
        iam.createUser(u -> u.userName("alice"));
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Test
    @Order(2)
    void resetsStateBeforeEveryTest(S3Client s3, IamClient iam) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
        assertThat(iam.listUsers().users()).isEmpty();
    }

    @Nested
    class NestedClass {
        @Test
        void sharesTheEnclosingServer(URI endpoint) {
            assertThat(endpoint).isEqualTo(constructorEndpoint);
        }
    }
}
