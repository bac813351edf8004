package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.ContainerService;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceDeployment;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceDeploymentState;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceECRImagePullerRole;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceState;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceStateDetail;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceStateDetailCode;
import software.amazon.awssdk.services.lightsail.model.PrivateRegistryAccess;

/**
 * A Lightsail container service. Its state is derived from the emulator clock: PENDING until {@code readyAt},
 * DEPLOYING while a deployment activates, UPDATING until {@code updatedAt} after a power or scale change, then
 * RUNNING with an active deployment or READY without one; DISABLED whenever disabled.
 *
 * @param host        the random part of its public domain ({@code <name>.<host>.<region>.cs.amazonlightsail.com})
 * @param deployments oldest first
 */
record ContainerServiceRecord(ResourceMeta meta, ContainerServicePowerName power, int scale, boolean disabled,
                              String host, String principalArn, Instant readyAt, Instant updatedAt,
                              List<ContainerDeploymentRecord> deployments)
        implements LightsailResource<ContainerServiceRecord> {

    ContainerServiceRecord {
        deployments = List.copyOf(deployments);
    }

    @Override
    public ContainerServiceRecord withMeta(ResourceMeta newMeta) {
        return new ContainerServiceRecord(newMeta, power, scale, disabled, host, principalArn, readyAt, updatedAt, deployments);
    }

    ContainerServiceRecord with(ContainerServicePowerName newPower, int newScale, boolean newDisabled, Instant newUpdatedAt) {
        return new ContainerServiceRecord(meta, newPower, newScale, newDisabled, host, principalArn, readyAt, newUpdatedAt,
                deployments);
    }

    ContainerServiceRecord withDeployment(ContainerDeploymentRecord deployment) {
        List<ContainerDeploymentRecord> all = new ArrayList<>(deployments);
        all.add(deployment);
        return new ContainerServiceRecord(meta, power, scale, disabled, host, principalArn, readyAt, updatedAt, all);
    }

    String domainName() {
        return meta.name() + "." + host + "." + meta.region() + ".cs.amazonlightsail.com";
    }

    /** The newest deployment that has become active. */
    Optional<ContainerDeploymentRecord> current(Instant now) {
        return deployments.stream().filter(d -> !d.isActivating(now)).max(Comparator.comparingInt(ContainerDeploymentRecord::version));
    }

    Optional<ContainerDeploymentRecord> next(Instant now) {
        return deployments.stream().filter(d -> d.isActivating(now)).findFirst();
    }

    ContainerServiceState state(Instant now) {
        if (disabled) {
            return ContainerServiceState.DISABLED;
        }
        if (now.isBefore(readyAt)) {
            return ContainerServiceState.PENDING;
        }
        if (next(now).isPresent()) {
            return ContainerServiceState.DEPLOYING;
        }
        if (now.isBefore(updatedAt)) {
            return ContainerServiceState.UPDATING;
        }
        return current(now).isPresent() ? ContainerServiceState.RUNNING : ContainerServiceState.READY;
    }

    /** Every deployment newest first, with its state at {@code now}. */
    List<ContainerServiceDeployment> deploymentsToSdk(Instant now) {
        int current = current(now).map(ContainerDeploymentRecord::version).orElse(-1);
        return deployments.stream().sorted(Comparator.comparingInt(ContainerDeploymentRecord::version).reversed())
                .map(d -> d.toSdk(d.isActivating(now) ? ContainerServiceDeploymentState.ACTIVATING
                        : d.version() == current ? ContainerServiceDeploymentState.ACTIVE : ContainerServiceDeploymentState.INACTIVE))
                .toList();
    }

    ContainerService toSdk(Instant now) {
        ContainerServiceState state = state(now);
        ContainerServiceStateDetailCode detail = switch (state) {
            case PENDING -> ContainerServiceStateDetailCode.CREATING_SYSTEM_RESOURCES;
            case DEPLOYING -> ContainerServiceStateDetailCode.ACTIVATING_DEPLOYMENT;
            case UPDATING -> ContainerServiceStateDetailCode.PROVISIONING_SERVICE;
            default -> null;
        };
        return ContainerService.builder()
                .containerServiceName(meta.name()).arn(meta.arn()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .power(power)
                .powerId(power + "-1")
                .state(state)
                .stateDetail(detail == null ? null : ContainerServiceStateDetail.builder().code(detail).build())
                .scale(scale)
                .currentDeployment(current(now).map(d -> d.toSdk(ContainerServiceDeploymentState.ACTIVE)).orElse(null))
                .nextDeployment(next(now).map(d -> d.toSdk(ContainerServiceDeploymentState.ACTIVATING)).orElse(null))
                .isDisabled(disabled)
                .principalArn(principalArn)
                .privateDomainName(meta.name() + ".service.local")
                .url("https://" + domainName() + "/")
                .privateRegistryAccess(PrivateRegistryAccess.builder().ecrImagePullerRole(
                        ContainerServiceECRImagePullerRole.builder().isActive(false).principalArn("").build()).build())
                .build();
    }
}
