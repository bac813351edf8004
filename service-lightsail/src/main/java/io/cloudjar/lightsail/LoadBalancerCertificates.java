package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Requesting a load balancer's TLS certificate (also from CreateLoadBalancer) and seeing it validated: a certificate
 * is issued once every validation CNAME it asked for is a record of a Lightsail DNS zone of the account (zones live
 * in us-east-1), as ACM's DNS validation would see it.
 */
final class LoadBalancerCertificates {
    static final int PER_LOAD_BALANCER = 2;
    static final int MAX_ALTERNATIVE_NAMES = 9;

    private LoadBalancerCertificates() {
    }

    /** Stores a new pending certificate for {@code lb}; the caller holds the state's lock. */
    static List<Operation> create(LightsailState state, LightsailScope scope, LoadBalancerRecord lb, String name,
                                  String domainName, List<String> alternativeNames, Map<String, String> tags) {
        Set<String> names = new LinkedHashSet<>();
        names.add(checkedName(domainName));
        if (alternativeNames != null) {
            if (alternativeNames.size() > MAX_ALTERNATIVE_NAMES) {
                throw LightsailErrors.invalidInput("A certificate can have at most %d alternative names.", MAX_ALTERNATIVE_NAMES);
            }
            alternativeNames.forEach(n -> names.add(checkedName(n)));
        }
        if (state.nameTaken(name)) {
            throw LightsailErrors.namesInUse(List.of(name));
        }
        if (of(state, lb.name()).size() >= PER_LOAD_BALANCER) {
            throw LightsailErrors.invalidInput("The load balancer %s already has %d certificates, the most it can have.",
                    lb.name(), PER_LOAD_BALANCER);
        }
        List<LoadBalancerCertificateRecord.Validation> validation = new ArrayList<>();
        for (String n : names) {
            String base = n.startsWith("*.") ? n.substring(2) : n;
            validation.add(new LoadBalancerCertificateRecord.Validation(n, "_" + Ids.hex(32) + "." + base + ".",
                    "_" + Ids.hex(32) + "." + Ids.hex(10) + ".acm-validations.aws."));
        }
        LoadBalancerCertificateRecord certificate = new LoadBalancerCertificateRecord(
                ResourceMeta.create(scope, ResourceType.LOAD_BALANCER_TLS_CERTIFICATE, name, "all",
                        "LoadBalancerTlsCertificate/" + name, tags),
                lb.name(), List.copyOf(names), validation, false, null, null);
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
        if (c.isIssued() || !c.validation().stream().allMatch(v -> published(zones, v))) {
            return c;
        }
        LoadBalancerCertificateRecord issued = c.issued(scope.now(), Ids.hex(32).replaceAll("(..)(?!$)", "$1:"));
        state.loadBalancerCertificates.put(issued);
        return issued;
    }

    private static boolean published(LightsailState zones, LoadBalancerCertificateRecord.Validation v) {
        String name = DnsNames.normalize(v.name());
        String value = DnsNames.normalize(v.value());
        return zones.domains.list().stream().flatMap(d -> d.entries().stream())
                .anyMatch((DomainEntry e) -> e.type().equals("CNAME") && e.name().equals(name) && e.target().equals(value));
    }

    private static String checkedName(String name) {
        if (!DnsNames.isHostName(name, 2, true)) {
            throw LightsailErrors.invalidInput("The certificate domain name %s is not valid.", name);
        }
        return DnsNames.normalize(name);
    }
}
