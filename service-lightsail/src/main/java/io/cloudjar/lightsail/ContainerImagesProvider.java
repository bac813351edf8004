package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceRegistryLogin;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceRegistryLoginRequest;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceRegistryLoginResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteContainerImageRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteContainerImageResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerApiMetadataRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerApiMetadataResponse;
import software.amazon.awssdk.services.lightsail.model.GetContainerImagesRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerImagesResponse;
import software.amazon.awssdk.services.lightsail.model.RegisterContainerImageRequest;
import software.amazon.awssdk.services.lightsail.model.RegisterContainerImageResponse;

/**
 * Container images pushed to a container service, as the lightsailctl plugin does it: a registry login (temporary
 * credentials for the service registry, valid one hour on the emulator clock), then RegisterContainerImage naming the
 * pushed digest under a label ({@code :<service>.<label>.<n>}), which deployments may then use. Cloudjar runs no
 * registry: the login's credentials are for show, and a registered image is its name and digest.
 */
public final class ContainerImagesProvider extends LightsailProvider {
    static final Duration LOGIN_LIFETIME = Duration.ofHours(1);
    /** The lightsailctl release current when this was written; the plugin warns when it is older than this. */
    static final String LIGHTSAILCTL_VERSION = "v1.0.8";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]{1,2}|[a-z0-9][a-z0-9-]{1,51}[a-z0-9]");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public CreateContainerServiceRegistryLoginResponse createContainerServiceRegistryLogin(
            CallContext ctx, CreateContainerServiceRegistryLoginRequest request) {
        LightsailScope scope = LightsailScope.of(ctx);
        byte[] token = new byte[96];
        Ids.random().nextBytes(token);
        return CreateContainerServiceRegistryLoginResponse.builder().registryLogin(ContainerServiceRegistryLogin.builder()
                .username("AWS").password(Base64.getEncoder().encodeToString(token))
                .expiresAt(scope.now().plus(LOGIN_LIFETIME))
                .registry(scope.account() + ".dkr.ecr." + scope.region() + ".amazonaws.com").build()).build();
    }

    public RegisterContainerImageResponse registerContainerImage(CallContext ctx, RegisterContainerImageRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.label() == null || !LABEL.matcher(request.label()).matches()) {
            throw LightsailErrors.invalidInput("The label %s is not valid: 1 to 53 lower-case letters, digits and hyphens,"
                    + " not starting or ending with a hyphen.", request.label());
        }
        if (request.digest() == null || !DIGEST.matcher(request.digest()).matches()) {
            throw LightsailErrors.invalidInput("The digest %s is not valid: sha256: and 64 hexadecimal digits.", request.digest());
        }
        synchronized (state.lock) {
            ContainerServiceRecord service = state.containerServices.get(request.serviceName())
                    .withImage(request.label(), request.digest(), scope.now());
            state.containerServices.put(service);
            return RegisterContainerImageResponse.builder().containerImage(service.images().get(service.images().size() - 1).toSdk()).build();
        }
    }

    /** Newest first. */
    public GetContainerImagesResponse getContainerImages(CallContext ctx, GetContainerImagesRequest request) {
        ContainerServiceRecord service = state(ctx).containerServices.get(request.serviceName());
        return GetContainerImagesResponse.builder().containerImages(service.images().stream()
                .sorted(Comparator.comparing(ContainerImageRecord::createdAt).thenComparing(ContainerImageRecord::version).reversed())
                .map(ContainerImageRecord::toSdk).toList()).build();
    }

    /** Refused while the current deployment (or the one activating) runs the image. */
    public DeleteContainerImageResponse deleteContainerImage(CallContext ctx, DeleteContainerImageRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            ContainerServiceRecord service = state.containerServices.get(request.serviceName());
            ContainerImageRecord image = service.images().stream().filter(i -> i.image().equals(request.image())).findFirst()
                    .orElseThrow(() -> LightsailErrors.notFound("The container image %s is not registered to the container service %s.",
                            request.image(), service.name()));
            List<ContainerDeploymentRecord> running = java.util.stream.Stream.concat(service.current(scope.now()).stream(),
                    service.next(scope.now()).stream()).toList();
            for (ContainerDeploymentRecord deployment : running) {
                if (deployment.containers().values().stream().anyMatch(c -> service.image(c.image()).filter(image::equals).isPresent())) {
                    throw LightsailErrors.invalidInput("The container image %s is in use by deployment %d of the container"
                            + " service %s and cannot be deleted.", image.image(), deployment.version(), service.name());
                }
            }
            state.containerServices.put(service.withoutImage(image));
            return DeleteContainerImageResponse.builder().build();
        }
    }

    /** What lightsailctl asks for: the latest version of the plugin ({@code lightsailctlVersion}). */
    public GetContainerApiMetadataResponse getContainerAPIMetadata(CallContext ctx, GetContainerApiMetadataRequest request) {
        return GetContainerApiMetadataResponse.builder()
                .metadata(List.of(Map.of("name", "lightsailctlVersion", "value", LIGHTSAILCTL_VERSION))).build();
    }
}
