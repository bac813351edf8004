package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * @param deployments   oldest first
 * @param images        the images registered to it, oldest first
 * @param imageVersions by label, the version of the last image registered with it (kept when that image is deleted,
 *                      so a version is never given twice)
 */
record ContainerServiceRecord(ResourceMeta meta, ContainerServicePowerName power, int scale, boolean disabled,
                              String host, String principalArn, Instant readyAt, Instant updatedAt,
                              List<ContainerDeploymentRecord> deployments, List<ContainerImageRecord> images,
                              Map<String, Integer> imageVersions)
        implements LightsailResource<ContainerServiceRecord> {

    ContainerServiceRecord {
        deployments = List.copyOf(deployments);
        images = List.copyOf(images);
        imageVersions = Map.copyOf(imageVersions);
    }

    /** A new service: no images registered yet. */
    ContainerServiceRecord(ResourceMeta meta, ContainerServicePowerName power, int scale, boolean disabled, String host,
                           String principalArn, Instant readyAt, Instant updatedAt, List<ContainerDeploymentRecord> deployments) {
        this(meta, power, scale, disabled, host, principalArn, readyAt, updatedAt, deployments, List.of(), Map.of());
    }

    @Override
    public ContainerServiceRecord withMeta(ResourceMeta newMeta) {
        return new ContainerServiceRecord(newMeta, power, scale, disabled, host, principalArn, readyAt, updatedAt, deployments,
                images, imageVersions);
    }

    ContainerServiceRecord with(ContainerServicePowerName newPower, int newScale, boolean newDisabled, Instant newUpdatedAt) {
        return new ContainerServiceRecord(meta, newPower, newScale, newDisabled, host, principalArn, readyAt, newUpdatedAt,
                deployments, images, imageVersions);
    }

    ContainerServiceRecord withDeployment(ContainerDeploymentRecord deployment) {
        List<ContainerDeploymentRecord> all = new ArrayList<>(deployments);
        all.add(deployment);
        return new ContainerServiceRecord(meta, power, scale, disabled, host, principalArn, readyAt, updatedAt, all,
                images, imageVersions);
    }

    /** With a new image of {@code label} (the label's next version) registered at {@code at}. */
    ContainerServiceRecord withImage(String label, String digest, Instant at) {
        int version = imageVersions.getOrDefault(label, 0) + 1;
        List<ContainerImageRecord> all = new ArrayList<>(images);
        all.add(new ContainerImageRecord(meta.name(), label, version, digest, at));
        Map<String, Integer> versions = new java.util.HashMap<>(imageVersions);
        versions.put(label, version);
        return new ContainerServiceRecord(meta, power, scale, disabled, host, principalArn, readyAt, updatedAt, deployments,
                all, versions);
    }

    ContainerServiceRecord withoutImage(ContainerImageRecord image) {
        List<ContainerImageRecord> all = new ArrayList<>(images);
        all.remove(image);
        return new ContainerServiceRecord(meta, power, scale, disabled, host, principalArn, readyAt, updatedAt, deployments,
                all, imageVersions);
    }

    /**
     * The registered image a deployment's container names: {@code :<service>.<label>.<version>}, or
     * {@code :<service>.<label>.latest} for the label's newest image.
     */
    Optional<ContainerImageRecord> image(String name) {
        String prefix = ":" + meta.name() + ".";
        if (name == null || !name.startsWith(prefix)) {
            return Optional.empty();
        }
        if (name.endsWith(".latest")) {
            String label = name.substring(prefix.length(), name.length() - ".latest".length());
            return images.stream().filter(i -> i.label().equals(label)).max(Comparator.comparingInt(ContainerImageRecord::version));
        }
        return images.stream().filter(i -> i.image().equals(name)).findFirst();
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
