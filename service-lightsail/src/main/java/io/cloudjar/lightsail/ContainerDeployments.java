package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lightsail.model.Container;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceEndpoint;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceHealthCheckConfig;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceProtocol;
import software.amazon.awssdk.services.lightsail.model.EndpointRequest;

/**
 * Turning a deployment request into a deployment: containers with an image (a public registry image, or one registered
 * to the service, {@code :service.label.n} or {@code :service.label.latest}), ports with their protocols, and a public endpoint on
 * an HTTP or HTTPS port of one of them, its health check filled with AWS's defaults.
 */
final class ContainerDeployments {
    static final int MAX_CONTAINERS = 10;
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]*");

    private ContainerDeployments() {
    }

    /** @param service the service deployed to, whose registered images the containers may name */
    static ContainerDeploymentRecord of(ContainerServiceRecord service, int version, Map<String, Container> containers,
                                        EndpointRequest endpoint, Instant createdAt, Instant activeAt) {
        if (containers == null || containers.isEmpty()) {
            throw LightsailErrors.invalidInput("A deployment needs at least one container.");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw LightsailErrors.invalidInput("A deployment can have at most %d containers.", MAX_CONTAINERS);
        }
        Map<String, Container> checked = new LinkedHashMap<>();
        containers.forEach((name, container) -> checked.put(name, checked(service, name, container)));
        return new ContainerDeploymentRecord(version, checked, endpoint == null ? null : endpoint(endpoint, checked),
                createdAt, activeAt);
    }

    private static Container checked(ContainerServiceRecord service, String name, Container container) {
        String image = container.image();
        if (image == null || image.isBlank()) {
            throw LightsailErrors.invalidInput("The container %s has no image.", name);
        }
        if (image.startsWith(":")) {
            if (service.image(image).isEmpty()) {
                throw LightsailErrors.invalidInput("The image %s is not registered to the container service %s.", image,
                        service.name());
            }
        } else if (!IMAGE.matcher(image).matches()) {
            throw LightsailErrors.invalidInput("The image %s of the container %s is not valid.", image, name);
        }
        if (container.ports() != null) {
            container.portsAsStrings().forEach((port, protocol) -> {
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw LightsailErrors.invalidInput("The port %s of the container %s is not valid.", port, name);
                }
                if (ContainerServiceProtocol.fromValue(protocol) == ContainerServiceProtocol.UNKNOWN_TO_SDK_VERSION) {
                    throw LightsailErrors.invalidInput("The protocol %s of port %s is not valid: HTTP, HTTPS, TCP or UDP.",
                            protocol, port);
                }
            });
        }
        return container;
    }

    private static ContainerServiceEndpoint endpoint(EndpointRequest request, Map<String, Container> containers) {
        Container target = containers.get(request.containerName());
        if (target == null) {
            throw LightsailErrors.invalidInput("The public endpoint's container %s is not in the deployment.", request.containerName());
        }
        String protocol = target.portsAsStrings().get(String.valueOf(request.containerPort()));
        if (!"HTTP".equals(protocol) && !"HTTPS".equals(protocol)) {
            throw LightsailErrors.invalidInput("The public endpoint's port %s must be an HTTP or HTTPS port of the container %s.",
                    request.containerPort(), request.containerName());
        }
        ContainerServiceHealthCheckConfig h = request.healthCheck() == null
                ? ContainerServiceHealthCheckConfig.builder().build() : request.healthCheck();
        ContainerServiceHealthCheckConfig health = ContainerServiceHealthCheckConfig.builder()
                .healthyThreshold(within("healthyThreshold", h.healthyThreshold(), 2, 2, 10))
                .unhealthyThreshold(within("unhealthyThreshold", h.unhealthyThreshold(), 2, 2, 10))
                .timeoutSeconds(within("timeoutSeconds", h.timeoutSeconds(), 2, 2, 60))
                .intervalSeconds(within("intervalSeconds", h.intervalSeconds(), 5, 5, 300))
                .path(h.path() == null ? "/" : h.path())
                .successCodes(h.successCodes() == null ? "200-499" : h.successCodes())
                .build();
        if (!health.path().startsWith("/")) {
            throw LightsailErrors.invalidInput("The health check path %s must start with /.", health.path());
        }
        return ContainerServiceEndpoint.builder().containerName(request.containerName())
                .containerPort(request.containerPort()).healthCheck(health).build();
    }

    private static int within(String name, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw LightsailErrors.invalidInput("The health check's %s %d is not valid: from %d to %d.", name, v, min, max);
        }
        return v;
    }
}
