package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.lightsail.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerRequest;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerResponse;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerTlsPoliciesRequest;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerTlsPoliciesResponse;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancersRequest;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancersResponse;
import software.amazon.awssdk.services.lightsail.model.IpAddressType;
import software.amazon.awssdk.services.lightsail.model.LoadBalancer;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerAttributeName;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UpdateLoadBalancerAttributeRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateLoadBalancerAttributeResponse;

/**
 * Lightsail load balancers: created provisioning (active after the pending transition), with an HTTP listener on
 * 80 to the instance port and a health check path; their attributes; deleted with their certificates. Instances
 * are attached by {@link LoadBalancerInstancesProvider}, certificates by {@link LoadBalancerCertificatesProvider}.
 */
public final class LoadBalancersProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateLoadBalancerResponse createLoadBalancer(CallContext ctx, CreateLoadBalancerRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        String name = request.loadBalancerName();
        int port = request.instancePort() == null ? -1 : request.instancePort();
        if (port < 0) {
            throw LightsailErrors.invalidInput("The instance port %s is not valid: it must be from 0 to 65535.", request.instancePort());
        }
        String path = request.healthCheckPath() == null ? "/" : request.healthCheckPath();
        checkHealthCheckPath(path);
        String ipType = request.ipAddressTypeAsString() == null ? IpAddressType.DUALSTACK.toString() : request.ipAddressTypeAsString();
        if (IpAddressType.fromValue(ipType) == IpAddressType.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The IP address type %s is not valid: ipv4, dualstack or ipv6.", ipType);
        }
        String policy = request.tlsPolicyName() == null ? LoadBalancerTlsPolicies.DEFAULT : request.tlsPolicyName();
        LoadBalancerTlsPolicies.check(policy);
        if (request.certificateName() != null && request.certificateDomainName() == null) {
            throw LightsailErrors.invalidInput("A certificate domain name is required with the certificate name %s.",
                    request.certificateName());
        }
        synchronized (state.lock) {
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            LoadBalancerRecord lb = new LoadBalancerRecord(
                    ResourceMeta.create(scope, ResourceType.LOAD_BALANCER, name, "all", "LoadBalancer/" + name, tags),
                    Ids.hex(32) + "-" + (100000000 + Ids.random().nextInt(900000000)) + "." + scope.region() + ".elb.amazonaws.com",
                    port, ipType, LoadBalancerRecord.defaultOptions(path), false, policy,
                    scope.now().plus(store.timings().pending()), List.of(), store.timings().pending());
            List<Operation> operations = new ArrayList<>();
            if (request.certificateName() != null) {
                operations.addAll(LoadBalancerCertificates.create(state, scope, lb, request.certificateName(),
                        request.certificateDomainName(), request.certificateAlternativeNames(), Map.of()));
            }
            state.loadBalancers.put(lb);
            operations.add(0, state.operations.record(scope, lb.meta(), OperationType.CREATE_LOAD_BALANCER, null, lb.activeAt()));
            return CreateLoadBalancerResponse.builder().operations(operations).build();
        }
    }

    public GetLoadBalancerResponse getLoadBalancer(CallContext ctx, GetLoadBalancerRequest request) {
        LightsailState state = state(ctx);
        return GetLoadBalancerResponse.builder()
                .loadBalancer(toSdk(state, state.loadBalancers.get(request.loadBalancerName()), ctx)).build();
    }

    public GetLoadBalancersResponse getLoadBalancers(CallContext ctx, GetLoadBalancersRequest request) {
        LightsailState state = state(ctx);
        List<LoadBalancer> all = state.loadBalancers.list().stream().map(lb -> toSdk(state, lb, ctx)).toList();
        Pages<LoadBalancer> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetLoadBalancersResponse.builder().loadBalancers(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteLoadBalancerResponse deleteLoadBalancer(CallContext ctx, DeleteLoadBalancerRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            LoadBalancerCertificates.of(state, lb.name()).forEach(c -> state.loadBalancerCertificates.remove(c.name()));
            state.loadBalancers.remove(lb.name());
            return DeleteLoadBalancerResponse.builder()
                    .operations(state.operations.record(scope, lb.meta(), OperationType.DELETE_LOAD_BALANCER, null)).build();
        }
    }

    public UpdateLoadBalancerAttributeResponse updateLoadBalancerAttribute(CallContext ctx, UpdateLoadBalancerAttributeRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        String value = request.attributeValue();
        LoadBalancerAttributeName attribute = request.attributeName();
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            LoadBalancerRecord updated = switch (attribute) {
                case HEALTH_CHECK_PATH -> {
                    checkHealthCheckPath(value);
                    yield lb.withOption(attribute.toString(), value);
                }
                case SESSION_STICKINESS_ENABLED -> lb.withOption(attribute.toString(), bool(attribute, value));
                case SESSION_STICKINESS_LB_COOKIE_DURATION_SECONDS -> lb.withOption(attribute.toString(), seconds(value));
                case HTTPS_REDIRECTION_ENABLED -> {
                    boolean on = Boolean.parseBoolean(bool(attribute, value));
                    if (on && LoadBalancerCertificates.of(state, lb.name()).stream().noneMatch(LoadBalancerCertificateRecord::attached)) {
                        throw LightsailErrors.invalidInput("HTTPS redirection needs a valid TLS certificate attached to the"
                                + " load balancer %s.", lb.name());
                    }
                    yield lb.withHttpsRedirection(on);
                }
                case TLS_POLICY_NAME -> {
                    LoadBalancerTlsPolicies.check(value);
                    yield lb.withTlsPolicy(value);
                }
                default -> throw LightsailErrors.invalidInput("The attribute name %s is not valid.", request.attributeNameAsString());
            };
            state.loadBalancers.put(updated);
            return UpdateLoadBalancerAttributeResponse.builder().operations(state.operations.record(scope, lb.meta(),
                    OperationType.UPDATE_LOAD_BALANCER_ATTRIBUTE, attribute + "=" + value)).build();
        }
    }

    public GetLoadBalancerTlsPoliciesResponse getLoadBalancerTlsPolicies(CallContext ctx, GetLoadBalancerTlsPoliciesRequest request) {
        var page = Pages.of(LoadBalancerTlsPolicies.ALL, request.pageToken(), PAGE_SIZE);
        return GetLoadBalancerTlsPoliciesResponse.builder().tlsPolicies(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    private static LoadBalancer toSdk(LightsailState state, LoadBalancerRecord lb, CallContext ctx) {
        Map<String, String> instanceStates = new HashMap<>();
        lb.instances().forEach(a -> state.instances.find(a.instanceName())
                .ifPresent(i -> instanceStates.put(i.name(), i.state(ctx.receivedAt()))));
        return lb.toSdk(ctx.receivedAt(), LoadBalancerCertificates.of(state, lb.name()).stream()
                .map(LoadBalancerCertificateRecord::summary).toList(), instanceStates);
    }

    private static void checkHealthCheckPath(String path) {
        if (path == null || !path.startsWith("/") || path.length() > 256 || path.chars().anyMatch(Character::isWhitespace)) {
            throw LightsailErrors.invalidInput("The health check path %s is not valid: it must start with /.", path);
        }
    }

    private static String bool(LoadBalancerAttributeName attribute, String value) {
        if (!"true".equals(value) && !"false".equals(value)) {
            throw LightsailErrors.invalidInput("The value of %s must be true or false, not %s.", attribute, value);
        }
        return value;
    }

    private static String seconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 604800) {
                return String.valueOf(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw LightsailErrors.invalidInput("The cookie duration %s is not valid: seconds from 1 to 604800.", value);
    }
}
