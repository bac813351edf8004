package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AttachLoadBalancerTlsCertificateRequest;
import software.amazon.awssdk.services.lightsail.model.AttachLoadBalancerTlsCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.CreateLoadBalancerTlsCertificateRequest;
import software.amazon.awssdk.services.lightsail.model.CreateLoadBalancerTlsCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteLoadBalancerTlsCertificateRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteLoadBalancerTlsCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerTlsCertificatesRequest;
import software.amazon.awssdk.services.lightsail.model.GetLoadBalancerTlsCertificatesResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * TLS certificates of Lightsail load balancers: requested PENDING_VALIDATION with CNAME validation records, issued
 * when those records are in a Lightsail DNS zone of the account, attached (only when issued; the load balancer then
 * listens on 443 too), deleted (an attached one only with {@code force}).
 */
public final class LoadBalancerCertificatesProvider extends LightsailProvider {
    public CreateLoadBalancerTlsCertificateResponse createLoadBalancerTlsCertificate(CallContext ctx,
            CreateLoadBalancerTlsCertificateRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        var tags = LightsailTags.of(request.tags());
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            return CreateLoadBalancerTlsCertificateResponse.builder().operations(LoadBalancerCertificates.create(state, scope, lb,
                    request.certificateName(), request.certificateDomainName(), request.certificateAlternativeNames(), tags))
                    .build();
        }
    }

    public GetLoadBalancerTlsCertificatesResponse getLoadBalancerTlsCertificates(CallContext ctx,
            GetLoadBalancerTlsCertificatesRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            return GetLoadBalancerTlsCertificatesResponse.builder().tlsCertificates(LoadBalancerCertificates.of(state, lb.name())
                    .stream().map(c -> refreshed(state, c, scope).toSdk()).toList()).build();
        }
    }

    public AttachLoadBalancerTlsCertificateResponse attachLoadBalancerTlsCertificate(CallContext ctx,
            AttachLoadBalancerTlsCertificateRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            LoadBalancerCertificateRecord certificate = refreshed(state, certificate(state, lb, request.certificateName()), scope);
            if (!certificate.isIssued()) {
                throw LightsailErrors.invalidInput("The certificate %s is not valid yet: it is PENDING_VALIDATION. Add its"
                        + " validation records to the domain's DNS first.", certificate.name());
            }
            for (LoadBalancerCertificateRecord other : LoadBalancerCertificates.of(state, lb.name())) {
                state.loadBalancerCertificates.put(other.withAttached(other.name().equals(certificate.name())));
            }
            List<Operation> operations = new ArrayList<>();
            operations.add(state.operations.record(scope, certificate.meta(), OperationType.ATTACH_LOAD_BALANCER_TLS_CERTIFICATE,
                    lb.name()));
            operations.add(state.operations.record(scope, lb.meta(), OperationType.ATTACH_LOAD_BALANCER_TLS_CERTIFICATE,
                    certificate.name()));
            return AttachLoadBalancerTlsCertificateResponse.builder().operations(operations).build();
        }
    }

    public DeleteLoadBalancerTlsCertificateResponse deleteLoadBalancerTlsCertificate(CallContext ctx,
            DeleteLoadBalancerTlsCertificateRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            LoadBalancerRecord lb = state.loadBalancers.get(request.loadBalancerName());
            LoadBalancerCertificateRecord certificate = certificate(state, lb, request.certificateName());
            if (certificate.attached() && !Boolean.TRUE.equals(request.force())) {
                throw LightsailErrors.invalidInput("The certificate %s is attached to the load balancer %s: detach it, or"
                        + " delete it with force.", certificate.name(), lb.name());
            }
            state.loadBalancerCertificates.remove(certificate.name());
            if (certificate.attached()) {
                state.loadBalancers.put(lb.withHttpsRedirection(false));
            }
            return DeleteLoadBalancerTlsCertificateResponse.builder().operations(state.operations.record(scope,
                    certificate.meta(), OperationType.DELETE_LOAD_BALANCER_TLS_CERTIFICATE, lb.name())).build();
        }
    }

    private LoadBalancerCertificateRecord refreshed(LightsailState state, LoadBalancerCertificateRecord c, LightsailScope scope) {
        return LoadBalancerCertificates.refreshed(state, store.get(scope.account(), CnameValidation.ZONES_REGION), c, scope);
    }

    private static LoadBalancerCertificateRecord certificate(LightsailState state, LoadBalancerRecord lb, String name) {
        return state.loadBalancerCertificates.find(name).filter(c -> c.loadBalancerName().equals(lb.name()))
                .orElseThrow(() -> LightsailErrors.notFound("The LoadBalancerTlsCertificate does not exist: %s", name));
    }
}
