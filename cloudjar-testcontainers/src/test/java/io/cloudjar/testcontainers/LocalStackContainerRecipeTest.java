package io.cloudjar.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testcontainers.containers.localstack.LocalStackContainer.Service.S3;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The drop-in recipe for projects already on Testcontainers' LocalStack module: only the image changes.
 * Needs a Docker engine and the image; skipped when there is no engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContainerRecipeTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("cloudjar/cloudjar:latest").asCompatibleSubstituteFor("localstack/localstack"))
            .withServices(S3);

    @Test
    void anS3ClientConfiguredTheLocalStackWay() {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .forcePathStyle(true)
                .build()) {
            s3.createBucket(b -> b.bucket("substitute"));
            s3.putObject(p -> p.bucket("substitute").key("k"), RequestBody.fromString("same code, other image"));
            assertThat(s3.getObjectAsBytes(g -> g.bucket("substitute").key("k")).asUtf8String())
                    .isEqualTo("same code, other image");
        }
    }
}
