package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

class InternalEndpointsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void healthHasLocalStacksShapeAndTracksUsedServices() throws Exception {
        for (String path : new String[] {"/_localstack/health", "/_cloudjar/health"}) {
            RawHttp.Answer answer = RawHttp.send(cloudjar.port(), "GET", path, "localhost", null, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            JsonNode health = new ObjectMapper().readTree(answer.body());
            assertThat(health.path("edition").asText()).isEqualTo("community");
            assertThat(health.path("version").asText()).isNotEmpty();
            assertThat(health.path("services").fieldNames()).toIterable()
                    .contains("ec2", "iam", "sts", "s3", "rds", "lightsail");
        }
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.listBuckets();
        }
        JsonNode health = new ObjectMapper().readTree(RawHttp.send(cloudjar.port(), "GET", "/_localstack/health", "localhost", null, null).body());
        assertThat(health.path("services").path("s3").asText()).isEqualTo("running");
        assertThat(health.path("services").path("rds").asText()).isIn("available", "running");

        RawHttp.Answer head = RawHttp.send(cloudjar.port(), "HEAD", "/_localstack/health", "localhost", null, null);
        assertThat(head.status()).isEqualTo(200);
    }

    @Test
    void motoResetWipesAllState() throws Exception {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(b -> b.bucket("before-reset"));
            assertThat(s3.listBuckets().buckets()).isNotEmpty();
            RawHttp.Answer reset = RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset", "localhost", null, "");
            assertThat(reset.status()).isEqualTo(200);
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }
    }

    @Test
    void unknownInternalPathIs404() throws Exception {
        assertThat(RawHttp.send(cloudjar.port(), "GET", "/_cloudjar/nothing-here", "localhost", null, null).status()).isEqualTo(404);
    }
}
