package io.cloudjar.lightsail;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePower;

/** The powers a container service node can have, with AWS's vCPUs, RAM and monthly price (USD) per node. */
final class ContainerServicePowers {
    static final List<ContainerServicePower> ALL = List.of(
            power("nano", 0.25f, 0.5f, 7f),
            power("micro", 0.25f, 1f, 10f),
            power("small", 0.5f, 2f, 25f),
            power("medium", 1f, 4f, 50f),
            power("large", 2f, 8f, 100f),
            power("xlarge", 4f, 16f, 200f));

    private ContainerServicePowers() {
    }

    static Optional<ContainerServicePower> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static ContainerServicePower power(String name, float cpus, float ramGb, float price) {
        return ContainerServicePower.builder().powerId(name + "-1").name(name).cpuCount(cpus).ramSizeInGb(ramGb)
                .price(price).isActive(true).build();
    }
}
