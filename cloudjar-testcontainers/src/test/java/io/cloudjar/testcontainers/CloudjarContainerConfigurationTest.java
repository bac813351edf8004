package io.cloudjar.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/** The container's settings, read without starting it: these run without a Docker engine. */
class CloudjarContainerConfigurationTest {

    @Test
    void defaults() {
        try (CloudjarContainer container = new CloudjarContainer()) {
            assertThat(imageOf(container)).isEqualTo("cloudjar/cloudjar:latest");
            assertThat(container.getExposedPorts()).containsExactly(4566);
            assertThat(container.getEnvMap()).doesNotContainKeys("SERVICES", "ENFORCE_IAM");
            assertThat(container.getAccessKey()).isEqualTo("test");
            assertThat(container.getSecretKey()).isEqualTo("test");
            assertThat(container.getRegion()).isEqualTo("us-east-1");
            assertThat(new WaitStrategyOf(container).get()).isInstanceOf(LogMessageWaitStrategy.class);
        }
    }

    @Test
    void servicesIamAndRegionBecomeTheEnvironment() {
        try (CloudjarContainer container = new CloudjarContainer()
                .withServices("S3", " iam", "ec2")
                .withEnforcedIam()
                .withRegion("eu-west-1")) {
            assertThat(container.getEnvMap())
                    .containsEntry("SERVICES", "s3,iam,ec2")
                    .containsEntry("ENFORCE_IAM", "1")
                    .containsEntry("DEFAULT_REGION", "eu-west-1");
            assertThat(container.getRegion()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void anotherImageOfCloudjar() {
        try (CloudjarContainer container = new CloudjarContainer("cloudjar/cloudjar:0.1.0")) {
            assertThat(imageOf(container)).isEqualTo("cloudjar/cloudjar:0.1.0");
        }
        DockerImageName mirrored = DockerImageName.parse("registry.example.com/tools/cloudjar:0.1.0")
                .asCompatibleSubstituteFor("cloudjar/cloudjar");
        try (CloudjarContainer container = new CloudjarContainer(mirrored)) {
            assertThat(imageOf(container)).isEqualTo("registry.example.com/tools/cloudjar:0.1.0");
        }
    }

    @Test
    void refusesAnUnrelatedImage() {
        assertThatThrownBy(() -> new CloudjarContainer("nginx:latest")).isInstanceOf(IllegalStateException.class);
    }

    /** The image asked for; getDockerImageName() would pull it, which needs an engine. */
    private static String imageOf(CloudjarContainer container) {
        String described = container.getImage().toString(); // RemoteDockerImage(imageName=..., ...), not resolved
        return described.replaceAll("^.*imageName=([^,)]+).*$", "$1");
    }

    /** GenericContainer keeps its wait strategy in a protected field; a subclass in this package reads it. */
    private static final class WaitStrategyOf {
        private final CloudjarContainer container;

        WaitStrategyOf(CloudjarContainer container) {
            this.container = container;
        }

        Object get() {
            try {
                java.lang.reflect.Field field = org.testcontainers.containers.GenericContainer.class.getDeclaredField("waitStrategy");
                field.setAccessible(true);
                return field.get(container);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
