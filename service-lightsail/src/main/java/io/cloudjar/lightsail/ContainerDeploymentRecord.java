package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Container;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceDeployment;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceDeploymentState;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceEndpoint;

/**
 * One deployment of a container service: ACTIVATING until {@code activeAt}, then ACTIVE until a newer deployment
 * becomes active, INACTIVE after (the state is derived from the service's deployments and the emulator clock).
 *
 * @param endpoint the public endpoint, or null for a deployment without one
 */
record ContainerDeploymentRecord(int version, Map<String, Container> containers, ContainerServiceEndpoint endpoint,
                                 Instant createdAt, Instant activeAt) {

    ContainerDeploymentRecord {
        containers = new LinkedHashMap<>(containers);
    }

    boolean isActivating(Instant now) {
        return now.isBefore(activeAt);
    }

    ContainerServiceDeployment toSdk(ContainerServiceDeploymentState state) {
        return ContainerServiceDeployment.builder().version(version).state(state).containers(containers)
                .publicEndpoint(endpoint).createdAt(createdAt).build();
    }
}
