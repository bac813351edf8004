package io.cloudjar.lightsail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Certificate;
import software.amazon.awssdk.services.lightsail.model.CertificateDomainValidationStatus;
import software.amazon.awssdk.services.lightsail.model.CertificateStatus;
import software.amazon.awssdk.services.lightsail.model.CertificateSummary;
import software.amazon.awssdk.services.lightsail.model.DomainValidationRecord;
import software.amazon.awssdk.services.lightsail.model.ResourceRecord;

/**
 * A standalone Lightsail certificate (CreateCertificate), the kind distributions (in us-east-1) and container services
 * use: PENDING_VALIDATION with one CNAME validation record per name until those records are in a Lightsail DNS zone of
 * the account ({@link CnameValidation}), ISSUED from then on, valid 395 days as ACM's are.
 *
 * @param names      the domain name first, then the alternative names (ACM lists both as subject alternative names)
 * @param validation one validation record per name, in that order
 * @param issuedAt   null while pending
 */
record CertificateRecord(ResourceMeta meta, List<String> names, List<CnameValidation> validation, Instant issuedAt,
                         String serial) implements LightsailResource<CertificateRecord> {
    static final Duration VALIDITY = Duration.ofDays(395);

    CertificateRecord {
        names = List.copyOf(names);
        validation = List.copyOf(validation);
    }

    @Override
    public CertificateRecord withMeta(ResourceMeta newMeta) {
        return new CertificateRecord(newMeta, names, validation, issuedAt, serial);
    }

    CertificateRecord issued(Instant at, String newSerial) {
        return new CertificateRecord(meta, names, validation, at, newSerial);
    }

    boolean isIssued() {
        return issuedAt != null;
    }

    String domainName() {
        return names.get(0);
    }

    CertificateStatus status() {
        return isIssued() ? CertificateStatus.ISSUED : CertificateStatus.PENDING_VALIDATION;
    }

    /** GetCertificates' entry; the detail only when asked for ({@code includeCertificateDetails}). */
    CertificateSummary summary(boolean withDetail, int inUseResourceCount) {
        return CertificateSummary.builder().certificateArn(meta.arn()).certificateName(meta.name()).domainName(domainName())
                .tags(meta.sdkTags()).certificateDetail(withDetail ? toSdk(inUseResourceCount) : null).build();
    }

    Certificate toSdk(int inUseResourceCount) {
        CertificateDomainValidationStatus domainStatus = isIssued()
                ? CertificateDomainValidationStatus.SUCCESS : CertificateDomainValidationStatus.PENDING_VALIDATION;
        Certificate.Builder b = Certificate.builder()
                .arn(meta.arn()).name(meta.name()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .tags(meta.sdkTags())
                .domainName(domainName())
                .status(status())
                .subjectAlternativeNames(names)
                .domainValidationRecords(validation.stream().map(v -> DomainValidationRecord.builder()
                        .domainName(v.domainName())
                        .resourceRecord(ResourceRecord.builder().name(v.name()).type("CNAME").value(v.value()).build())
                        .validationStatus(domainStatus).build()).toList())
                .inUseResourceCount(inUseResourceCount)
                .keyAlgorithm("RSA-2048");
        if (isIssued()) {
            // ACM renews a DNS-validated certificate in use; one not in use is not renewed
            b.issuedAt(issuedAt).issuerCA("Amazon").serialNumber(serial)
                    .notBefore(issuedAt).notAfter(issuedAt.plus(VALIDITY))
                    .eligibleToRenew(inUseResourceCount > 0 ? "ELIGIBLE" : "INELIGIBLE");
        }
        return b.build();
    }
}
