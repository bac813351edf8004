package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Container;
import software.amazon.awssdk.services.lightsail.model.ContainerImage;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceLogEvent;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceRegistryLogin;
import software.amazon.awssdk.services.lightsail.model.GetContainerLogResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;

/**
 * Pushing images as lightsailctl does (registry login, RegisterContainerImage), deploying them, deleting them once no
 * deployment runs them, and the containers' logs (their deployments' lines, on the emulator clock).
 */
class ContainerImagesTest {
    private static final Instant T0 = Instant.parse("2026-04-01T12:00:00Z");
    private static final String DIGEST_1 = "sha256:" + "a1".repeat(32);
    private static final String DIGEST_2 = "sha256:" + "b2".repeat(32);
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension()
            .withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void registryLoginLastsAnHourOnTheEmulatorClock() {
        ContainerServiceRegistryLogin login = lightsail.createContainerServiceRegistryLogin(r -> { }).registryLogin();
        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).hasSizeGreaterThan(100);
        assertThat(login.registry()).isEqualTo("000000000000.dkr.ecr.us-east-1.amazonaws.com");
        assertThat(login.expiresAt()).isEqualTo(cloudjar.clock().now().plus(Duration.ofHours(1)));
        cloudjar.advanceClock(Duration.ofMinutes(30));
        ContainerServiceRegistryLogin later = lightsail.createContainerServiceRegistryLogin(r -> { }).registryLogin();
        assertThat(later.expiresAt()).isEqualTo(login.expiresAt().plus(Duration.ofMinutes(30)));
        assertThat(later.password()).isNotEqualTo(login.password());

        assertThat(lightsail.getContainerAPIMetadata(r -> { }).metadata())
                .containsExactly(Map.of("name", "lightsailctlVersion", "value", "v1.0.8"));
    }

    @Test
    void registeredImagesAreDeployedAndDeletedOnceNoDeploymentRunsThem() {
        lightsail.createContainerService(r -> r.serviceName("shop").power(ContainerServicePowerName.NANO).scale(1));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        ContainerImage first = register("shop", "web", DIGEST_1);
        assertThat(first.image()).isEqualTo(":shop.web.1");
        assertThat(first.digest()).isEqualTo(DIGEST_1);
        assertThat(first.createdAt()).isEqualTo(cloudjar.clock().now());
        assertThat(register("shop", "web", DIGEST_2).image()).isEqualTo(":shop.web.2");
        assertThat(register("shop", "worker", DIGEST_1).image()).isEqualTo(":shop.worker.1");
        assertThat(images("shop")).extracting(ContainerImage::image).containsExactlyInAnyOrder(":shop.web.1", ":shop.web.2", ":shop.worker.1");

        // a deployment runs :shop.web.1; the activating one and then the current one keep it
        deploy("shop", ":shop.web.1");
        assertThatThrownBy(() -> delete("shop", ":shop.web.1")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).contains(":shop.web.1").contains("in use"));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThatThrownBy(() -> delete("shop", ":shop.web.1")).isInstanceOf(InvalidInputException.class);
        delete("shop", ":shop.worker.1"); // not deployed

        // the next deployment takes the label's latest; once it is active, version 1 is free to go
        deploy("shop", ":shop.web.latest");
        assertThatThrownBy(() -> delete("shop", ":shop.web.2")).isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofMinutes(1));
        delete("shop", ":shop.web.1");
        assertThat(images("shop")).extracting(ContainerImage::image).containsExactly(":shop.web.2");
        assertThat(register("shop", "web", DIGEST_1).image()).isEqualTo(":shop.web.3"); // versions are never reused

        assertThatThrownBy(() -> deploy("shop", ":shop.web.1")).isInstanceOf(InvalidInputException.class); // deleted
        assertThatThrownBy(() -> deploy("shop", ":other.web.2")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> delete("shop", ":shop.web.9")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> register("shop", "Web", DIGEST_1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register("shop", "-web", DIGEST_1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register("shop", "web", "sha256:xyz")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> register("ghost", "web", DIGEST_1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> images("ghost")).isInstanceOf(NotFoundException.class);

        lightsail.deleteContainerService(r -> r.serviceName("shop"));
        lightsail.createContainerService(r -> r.serviceName("shop").power(ContainerServicePowerName.NANO).scale(1));
        assertThat(images("shop")).isEmpty(); // images go with their service
    }

    @Test
    void aContainersLogHoldsItsDeploymentsLines() {
        lightsail.createContainerService(r -> r.serviceName("api").power(ContainerServicePowerName.MICRO).scale(2));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        Instant deployedAt = cloudjar.clock().now();
        deploy("api", "nginx:1.25");
        assertThat(log("api", null, null, null)).extracting(ContainerServiceLogEvent::message)
                .containsExactly("[deployment:1] Creating your deployment");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        deploy("api", "nginx:1.27");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        List<ContainerServiceLogEvent> all = log("api", null, null, null); // a deployment activates in 3 s (test timings)
        assertThat(all).extracting(ContainerServiceLogEvent::message).containsExactly(
                "[deployment:1] Creating your deployment", "[deployment:1] Started 2 new nodes", "[deployment:1] Started deployment",
                "[deployment:1] Took 3 seconds", "[deployment:1] Reached a steady state",
                "[deployment:2] Creating your deployment", "[deployment:2] Started 2 new nodes", "[deployment:2] Started deployment",
                "[deployment:2] Took 3 seconds", "[deployment:2] Reached a steady state");
        assertThat(all.get(0).createdAt()).isEqualTo(deployedAt);

        assertThat(log("api", "\"steady state\"", null, null)).hasSize(2);
        assertThat(log("api", "deployment:2 -Took", null, null)).hasSize(4);
        assertThat(log("api", "?Creating ?Took", null, null)).hasSize(4);
        assertThat(log("api", null, deployedAt.plusSeconds(60), null)).hasSize(5);
        assertThat(log("api", null, null, deployedAt.plusSeconds(2))).hasSize(1);
        assertThatThrownBy(() -> log("api", null, deployedAt.plusSeconds(10), deployedAt)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getContainerLog(r -> r.serviceName("api").containerName("db")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.getContainerLog(r -> r.serviceName("api").containerName("site").pageToken("bogus")))
                .isInstanceOf(InvalidInputException.class);
    }

    private static ContainerImage register(String service, String label, String digest) {
        return lightsail.registerContainerImage(r -> r.serviceName(service).label(label).digest(digest)).containerImage();
    }

    private static List<ContainerImage> images(String service) {
        return lightsail.getContainerImages(r -> r.serviceName(service)).containerImages();
    }

    private static void delete(String service, String image) {
        lightsail.deleteContainerImage(r -> r.serviceName(service).image(image));
    }

    private static void deploy(String service, String image) {
        lightsail.createContainerServiceDeployment(r -> r.serviceName(service).containers(Map.of("site",
                Container.builder().image(image).portsWithStrings(Map.of("80", "HTTP")).build())));
    }

    private static List<ContainerServiceLogEvent> log(String service, String filter, Instant start, Instant end) {
        GetContainerLogResponse response = lightsail.getContainerLog(r -> r.serviceName(service).containerName("site")
                .filterPattern(filter).startTime(start).endTime(end));
        assertThat(response.nextPageToken()).isNull();
        return response.logEvents();
    }
}
