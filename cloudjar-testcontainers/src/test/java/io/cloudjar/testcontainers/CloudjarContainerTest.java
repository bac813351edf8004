package io.cloudjar.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cloudjar's image started by Testcontainers, called with an S3 client. Needs a Docker engine and the image
 * ({@code docker build -f docker/Dockerfile -t cloudjar/cloudjar .}); skipped when there is no engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class CloudjarContainerTest {
    @Container
    static final CloudjarContainer CLOUDJAR = new CloudjarContainer().withServices("s3");

    @Test
    void putsAndGetsAnObject() {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(CLOUDJAR.getEndpoint())
                .region(Region.of(CLOUDJAR.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CLOUDJAR.getAccessKey(), CLOUDJAR.getSecretKey())))
                .forcePathStyle(true)
                .build()) {
            s3.createBucket(b -> b.bucket("in-docker"));
            s3.putObject(p -> p.bucket("in-docker").key("k"), RequestBody.fromString("hello"));
            assertThat(s3.getObjectAsBytes(g -> g.bucket("in-docker").key("k")).asUtf8String()).isEqualTo("hello");
        }
    }
}
