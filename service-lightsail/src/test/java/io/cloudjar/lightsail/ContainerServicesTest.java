package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Container;
import software.amazon.awssdk.services.lightsail.model.ContainerService;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceDeploymentState;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePower;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceProtocol;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceState;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

class ContainerServicesTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    static final Container NGINX = Container.builder().image("nginx:1.25").environment(Map.of("MODE", "prod"))
            .portsWithStrings(Map.of("80", "HTTP")).build();

    @Test
    void serviceIsPendingThenReadyThenRunsADeployment() {
        ContainerService created = lightsail.createContainerService(r -> r.serviceName("web").power(ContainerServicePowerName.NANO)
                .scale(1).tags(t -> t.key("env").value("lab"))).containerService();
        assertThat(created.state()).isEqualTo(ContainerServiceState.PENDING);
        assertThat(created.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:ContainerService/[0-9a-f-]{36}");
        assertThat(created.url()).matches("https://web\\.[a-z0-9]{13}\\.us-east-1\\.cs\\.amazonlightsail\\.com/");
        assertThat(created.powerId()).isEqualTo("nano-1");
        assertThat(created.privateDomainName()).isEqualTo("web.service.local");
        assertThat(created.principalArn()).startsWith("arn:aws:iam::000000000000:role/amazon/lightsail/us-east-1/containers/web/");
        assertThatThrownBy(() -> deploy("web")).isInstanceOf(InvalidInputException.class);

        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(service("web").state()).isEqualTo(ContainerServiceState.READY);

        ContainerService deploying = deploy("web");
        assertThat(deploying.state()).isEqualTo(ContainerServiceState.DEPLOYING);
        assertThat(deploying.nextDeployment().state()).isEqualTo(ContainerServiceDeploymentState.ACTIVATING);
        assertThat(deploying.nextDeployment().version()).isEqualTo(1);
        assertThat(deploying.currentDeployment()).isNull();
        assertThat(deploying.nextDeployment().publicEndpoint().healthCheck().path()).isEqualTo("/");
        assertThat(deploying.nextDeployment().publicEndpoint().healthCheck().successCodes()).isEqualTo("200-499");

        cloudjar.advanceClock(Duration.ofMinutes(1));
        ContainerService running = service("web");
        assertThat(running.state()).isEqualTo(ContainerServiceState.RUNNING);
        assertThat(running.currentDeployment().state()).isEqualTo(ContainerServiceDeploymentState.ACTIVE);
        assertThat(running.currentDeployment().containers().get("site").image()).isEqualTo("nginx:1.25");
        assertThat(running.currentDeployment().containers().get("site").environment()).containsEntry("MODE", "prod");
        assertThat(running.currentDeployment().containers().get("site").ports()).containsEntry("80", ContainerServiceProtocol.HTTP);

        deploy("web");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(lightsail.getContainerServiceDeployments(r -> r.serviceName("web")).deployments())
                .extracting(d -> d.version() + " " + d.state())
                .containsExactly("2 ACTIVE", "1 INACTIVE");

        assertThat(lightsail.getOperations().operations()).extracting(Operation::operationType).containsExactly(
                OperationType.CREATE_CONTAINER_SERVICE, OperationType.CREATE_CONTAINER_SERVICE_DEPLOYMENT,
                OperationType.CREATE_CONTAINER_SERVICE_DEPLOYMENT);
        // an alias A record may point at the service's public domain
        lightsail.createDomain(r -> r.domainName("example.com"));
        lightsail.createDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.name("app.example.com").type("A")
                .isAlias(true).target(running.url().replace("https://", "").replace("/", ""))));

        lightsail.deleteContainerService(r -> r.serviceName("web"));
        assertThatThrownBy(() -> service("web")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void powerScaleAndDisablingAreUpdated() {
        lightsail.createContainerService(r -> r.serviceName("api").power(ContainerServicePowerName.MICRO).scale(2));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        ContainerService updating = lightsail.updateContainerService(r -> r.serviceName("api")
                .power(ContainerServicePowerName.LARGE).scale(3)).containerService();
        assertThat(updating.state()).isEqualTo(ContainerServiceState.UPDATING);
        assertThat(updating.power()).isEqualTo(ContainerServicePowerName.LARGE);
        assertThat(updating.scale()).isEqualTo(3);
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(service("api").state()).isEqualTo(ContainerServiceState.READY);

        ContainerService disabled = lightsail.updateContainerService(r -> r.serviceName("api").isDisabled(true)).containerService();
        assertThat(disabled.state()).isEqualTo(ContainerServiceState.DISABLED);
        assertThat(disabled.isDisabled()).isTrue();
        assertThatThrownBy(() -> deploy("api")).isInstanceOf(InvalidInputException.class);
        lightsail.updateContainerService(r -> r.serviceName("api").isDisabled(false));
        assertThat(service("api").state()).isEqualTo(ContainerServiceState.READY);

        assertThat(lightsail.getContainerServicePowers(r -> { }).powers()).extracting(ContainerServicePower::name)
                .containsExactly("nano", "micro", "small", "medium", "large", "xlarge");
        assertThat(lightsail.getContainerServicePowers(r -> { }).powers().get(0).price()).isEqualTo(7.0f);
    }

    @Test
    void badServicesAndDeploymentsAreRefused() {
        assertThatThrownBy(() -> lightsail.createContainerService(r -> r.serviceName("x1").power("huge").scale(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createContainerService(r -> r.serviceName("x1").power(ContainerServicePowerName.NANO).scale(21)))
                .isInstanceOf(InvalidInputException.class);
        lightsail.createContainerService(r -> r.serviceName("svc").power(ContainerServicePowerName.NANO).scale(1));
        assertThatThrownBy(() -> lightsail.createContainerService(r -> r.serviceName("svc").power(ContainerServicePowerName.NANO).scale(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Some names are already in use: svc"));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        refusedDeployment(Map.of(), null, 0);
        refusedDeployment(Map.of("site", Container.builder().build()), null, 0);
        refusedDeployment(Map.of("site", Container.builder().image(":svc.site.1").build()), null, 0);
        refusedDeployment(Map.of("site", NGINX), "other", 80);
        refusedDeployment(Map.of("site", NGINX), "site", 8080);
        refusedDeployment(Map.of("site", NGINX.toBuilder().portsWithStrings(Map.of("5432", "TCP")).build()), "site", 5432);
        assertThat(lightsail.getContainerServiceDeployments(r -> r.serviceName("svc")).deployments()).isEmpty();
        assertThatThrownBy(() -> lightsail.getContainerServices(r -> r.serviceName("ghost"))).isInstanceOf(NotFoundException.class);
        assertThat(lightsail.getContainerServices(r -> { }).containerServices()).hasSize(1);
    }

    private static void refusedDeployment(Map<String, Container> containers, String endpoint, int port) {
        assertThatThrownBy(() -> lightsail.createContainerServiceDeployment(r -> {
            r.serviceName("svc").containers(containers);
            if (endpoint != null) {
                r.publicEndpoint(e -> e.containerName(endpoint).containerPort(port));
            }
        })).as("%s %s:%d", containers, endpoint, port).isInstanceOf(InvalidInputException.class);
    }

    private static ContainerService deploy(String name) {
        return lightsail.createContainerServiceDeployment(r -> r.serviceName(name).containers(Map.of("site", NGINX))
                .publicEndpoint(e -> e.containerName("site").containerPort(80))).containerService();
    }

    private static ContainerService service(String name) {
        return lightsail.getContainerServices(r -> r.serviceName(name)).containerServices().get(0);
    }
}
