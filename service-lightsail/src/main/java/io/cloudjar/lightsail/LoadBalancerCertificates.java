package io.cloudjar.lightsail;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Requesting a load balancer's TLS certificate (also from CreateLoadBalancer) and seeing it validated: a certificate
 * is issued once its validation CNAMEs are published ({@link CnameValidation}).
 */
final class LoadBalancerCertificates {
    static final int PER_LOAD_BALANCER = 2;

    private LoadBalancerCertificates() {
    }

    /** Stores a new pending certificate for {@code lb}; the caller holds the state's lock. */
    static List<Operation> create(LightsailState state, LightsailScope scope, LoadBalancerRecord lb, String name,
                                  String domainName, List<String> alternativeNames, Map<String, String> tags) {
        List<String> names = CnameValidation.certificateNames(domainName, alternativeNames);
        if (state.nameTaken(name)) {
            throw LightsailErrors.namesInUse(List.of(name));
        }
        if (of(state, lb.name()).size() >= PER_LOAD_BALANCER) {
            throw LightsailErrors.invalidInput("The load balancer %s already has %d certificates, the most it can have.",
                    lb.name(), PER_LOAD_BALANCER);
        }
        LoadBalancerCertificateRecord certificate = new LoadBalancerCertificateRecord(
                ResourceMeta.create(scope, ResourceType.LOAD_BALANCER_TLS_CERTIFICATE, name, "all",
                        "LoadBalancerTlsCertificate/" + name, tags),
                lb.name(), names, CnameValidation.forNames(names), false, null, null);
        state.loadBalancerCertificates.put(certificate);
        return List.of(state.operations.record(scope, certificate.meta(), OperationType.CREATE_LOAD_BALANCER_TLS_CERTIFICATE,
                lb.name()));
    }

    static List<LoadBalancerCertificateRecord> of(LightsailState state, String loadBalancerName) {
        return state.loadBalancerCertificates.list().stream().filter(c -> c.loadBalancerName().equals(loadBalancerName)).toList();
    }

    /** The certificate, issued now if its validation records have appeared in {@code zones}; stored if it changed. */
    static LoadBalancerCertificateRecord refreshed(LightsailState state, LightsailState zones, LoadBalancerCertificateRecord c,
                                                   LightsailScope scope) {
        if (c.isIssued() || !CnameValidation.allPublished(zones, c.validation())) {
            return c;
        }
        LoadBalancerCertificateRecord issued = c.issued(scope.now(), CnameValidation.newSerial());
        state.loadBalancerCertificates.put(issued);
        return issued;
    }
}
