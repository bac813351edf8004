package io.cloudjar.lightsail;

import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.ContainerImage;

/**
 * An image registered to a container service (RegisterContainerImage), named {@code :<service>.<label>.<version>}:
 * the version counts the images registered with that label, 1 for the first.
 */
record ContainerImageRecord(String service, String label, int version, String digest, Instant createdAt) {

    String image() {
        return ":" + service + "." + label + "." + version;
    }

    ContainerImage toSdk() {
        return ContainerImage.builder().image(image()).digest(digest).createdAt(createdAt).build();
    }
}
