package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificate;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateDomainStatus;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateDomainValidationRecord;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateStatus;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateSummary;

/**
 * A TLS certificate requested for a load balancer: PENDING_VALIDATION with one CNAME validation record per domain
 * name until those records exist in a Lightsail DNS zone of the account, ISSUED from then on ({@code issuedAt}).
 *
 * @param names      the domain name first, then the alternative names
 * @param validation one validation record per name, in that order
 * @param issuedAt   null while pending
 */
record LoadBalancerCertificateRecord(ResourceMeta meta, String loadBalancerName, List<String> names,
                                     List<CnameValidation> validation, boolean attached, Instant issuedAt, String serial)
        implements LightsailResource<LoadBalancerCertificateRecord> {

    LoadBalancerCertificateRecord {
        names = List.copyOf(names);
        validation = List.copyOf(validation);
    }

    @Override
    public LoadBalancerCertificateRecord withMeta(ResourceMeta newMeta) {
        return new LoadBalancerCertificateRecord(newMeta, loadBalancerName, names, validation, attached, issuedAt, serial);
    }

    LoadBalancerCertificateRecord withAttached(boolean isAttached) {
        return new LoadBalancerCertificateRecord(meta, loadBalancerName, names, validation, isAttached, issuedAt, serial);
    }

    LoadBalancerCertificateRecord issued(Instant at, String newSerial) {
        return new LoadBalancerCertificateRecord(meta, loadBalancerName, names, validation, attached, at, newSerial);
    }

    boolean isIssued() {
        return issuedAt != null;
    }

    LoadBalancerTlsCertificateSummary summary() {
        return LoadBalancerTlsCertificateSummary.builder().name(meta.name()).isAttached(attached).build();
    }

    LoadBalancerTlsCertificate toSdk() {
        LoadBalancerTlsCertificateDomainStatus domainStatus = isIssued()
                ? LoadBalancerTlsCertificateDomainStatus.SUCCESS : LoadBalancerTlsCertificateDomainStatus.PENDING_VALIDATION;
        LoadBalancerTlsCertificate.Builder b = LoadBalancerTlsCertificate.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .loadBalancerName(loadBalancerName)
                .isAttached(attached)
                .status(isIssued() ? LoadBalancerTlsCertificateStatus.ISSUED : LoadBalancerTlsCertificateStatus.PENDING_VALIDATION)
                .domainName(names.get(0))
                .domainValidationRecords(validation.stream().map(v -> LoadBalancerTlsCertificateDomainValidationRecord.builder()
                        .domainName(v.domainName()).name(v.name()).type("CNAME").value(v.value())
                        .validationStatus(domainStatus).build()).toList())
                .keyAlgorithm("RSA-2048")
                .signatureAlgorithm("SHA256WITHRSA")
                .subject("CN=" + names.get(0))
                .subjectAlternativeNames(names);
        if (isIssued()) {
            b.issuedAt(issuedAt).issuer("Amazon").serial(serial)
                    .notBefore(issuedAt).notAfter(issuedAt.plus(java.time.Duration.ofDays(395)));
        }
        return b.build();
    }
}
