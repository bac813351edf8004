package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceState;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceDeploymentRequest;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceDeploymentResponse;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceRequest;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteContainerServiceRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteContainerServiceResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerServiceDeploymentsRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerServiceDeploymentsResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerServicePowersRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerServicePowersResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerServicesRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerServicesResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UpdateContainerServiceRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateContainerServiceResponse;

/**
 * Lightsail container services: power and scale, deployments of containers with a public endpoint, each step taking
 * the pending transition on the emulator clock (service PENDING → READY, deployment ACTIVATING → ACTIVE, service
 * RUNNING). The containers are recorded, not run. The answers carry no operations (as AWS's); the operations log
 * still gets one per change.
 */
public final class ContainerServicesProvider extends LightsailProvider {

    public CreateContainerServiceResponse createContainerService(CallContext ctx, CreateContainerServiceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        ContainerServicePowerName power = power(request.power(), request.powerAsString());
        String name = request.serviceName();
        Instant readyAt = scope.now().plus(store.timings().pending());
        synchronized (state.lock) {
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            ContainerServiceRecord service = new ContainerServiceRecord(
                    ResourceMeta.create(scope, ResourceType.CONTAINER_SERVICE, name, "all",
                            "ContainerService/" + name, tags),
                    power, scale(request.scale()), false, Ids.random().ints(13, 0, 36)
                            .mapToObj(i -> Character.toString(Character.forDigit(i, 36))).reduce("", String::concat),
                    "arn:aws:iam::" + scope.account() + ":role/amazon/lightsail/" + scope.region() + "/containers/" + name
                            + "/" + Ids.hex(26),
                    readyAt, scope.now(), List.of());
            if (request.deployment() != null) {
                service = service.withDeployment(ContainerDeployments.of(service, 1, request.deployment().containers(),
                        request.deployment().publicEndpoint(), scope.now(), readyAt.plus(store.timings().pending())));
            }
            state.containerServices.put(service);
            state.operations.record(scope, service.meta(), OperationType.CREATE_CONTAINER_SERVICE, null, readyAt);
            return CreateContainerServiceResponse.builder().containerService(service.toSdk(scope.now())).build();
        }
    }

    public GetContainerServicesResponse getContainerServices(CallContext ctx, GetContainerServicesRequest request) {
        LightsailState state = state(ctx);
        List<ContainerServiceRecord> services = request.serviceName() == null ? state.containerServices.list()
                : List.of(state.containerServices.get(request.serviceName()));
        return GetContainerServicesResponse.builder()
                .containerServices(services.stream().map(s -> s.toSdk(ctx.receivedAt())).toList()).build();
    }

    public UpdateContainerServiceResponse updateContainerService(CallContext ctx, UpdateContainerServiceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ContainerServiceRecord service = state.containerServices.get(request.serviceName());
            ContainerServicePowerName power = request.power() == null ? service.power()
                    : power(request.power(), request.powerAsString());
            int scale = request.scale() == null ? service.scale() : scale(request.scale());
            boolean resized = power != service.power() || scale != service.scale();
            if (resized) {
                refuseInTransition(service, scope.now());
            }
            boolean disabled = request.isDisabled() == null ? service.disabled() : request.isDisabled();
            ContainerServiceRecord updated = service.with(power, scale, disabled,
                    resized ? scope.now().plus(store.timings().pending()) : service.updatedAt());
            state.containerServices.put(updated);
            state.operations.record(scope, service.meta(), OperationType.UPDATE_CONTAINER_SERVICE, null, updated.updatedAt());
            return UpdateContainerServiceResponse.builder().containerService(updated.toSdk(scope.now())).build();
        }
    }

    public DeleteContainerServiceResponse deleteContainerService(CallContext ctx, DeleteContainerServiceRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ContainerServiceRecord service = state.containerServices.get(request.serviceName());
            state.containerServices.remove(service.name());
            state.operations.record(scope, service.meta(), OperationType.DELETE_CONTAINER_SERVICE, null);
            return DeleteContainerServiceResponse.builder().build();
        }
    }

    public CreateContainerServiceDeploymentResponse createContainerServiceDeployment(CallContext ctx,
            CreateContainerServiceDeploymentRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ContainerServiceRecord service = state.containerServices.get(request.serviceName());
            refuseInTransition(service, scope.now());
            if (service.disabled()) {
                throw LightsailErrors.invalidInput("The container service %s is disabled: enable it before deploying.",
                        service.name());
            }
            ContainerDeploymentRecord deployment = ContainerDeployments.of(service, service.deployments().size() + 1,
                    request.containers(), request.publicEndpoint(), scope.now(), scope.now().plus(store.timings().pending()));
            ContainerServiceRecord updated = service.withDeployment(deployment);
            state.containerServices.put(updated);
            state.operations.record(scope, service.meta(), OperationType.CREATE_CONTAINER_SERVICE_DEPLOYMENT,
                    "version " + deployment.version(), deployment.activeAt());
            return CreateContainerServiceDeploymentResponse.builder().containerService(updated.toSdk(scope.now())).build();
        }
    }

    public GetContainerServiceDeploymentsResponse getContainerServiceDeployments(CallContext ctx,
            GetContainerServiceDeploymentsRequest request) {
        ContainerServiceRecord service = state(ctx).containerServices.get(request.serviceName());
        return GetContainerServiceDeploymentsResponse.builder().deployments(service.deploymentsToSdk(ctx.receivedAt())).build();
    }

    public GetContainerServicePowersResponse getContainerServicePowers(CallContext ctx, GetContainerServicePowersRequest request) {
        return GetContainerServicePowersResponse.builder().powers(ContainerServicePowers.ALL).build();
    }

    /** A deployment or a resize waits for the service to settle, as AWS refuses changes mid-transition. */
    private static void refuseInTransition(ContainerServiceRecord service, Instant now) {
        ContainerServiceState state = service.state(now);
        if (state == ContainerServiceState.PENDING || state == ContainerServiceState.DEPLOYING
                || state == ContainerServiceState.UPDATING) {
            throw LightsailErrors.invalidInput("The container service %s is %s: wait until it is READY or RUNNING.",
                    service.name(), state);
        }
    }

    private static ContainerServicePowerName power(ContainerServicePowerName power, String text) {
        if (power == null || power == ContainerServicePowerName.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The power %s is not valid: nano, micro, small, medium, large or xlarge.", text);
        }
        return power;
    }

    private static int scale(Integer scale) {
        if (scale == null || scale < 1 || scale > 20) {
            throw LightsailErrors.invalidInput("The scale %s is not valid: from 1 to 20 nodes.", scale);
        }
        return scale;
    }
}
