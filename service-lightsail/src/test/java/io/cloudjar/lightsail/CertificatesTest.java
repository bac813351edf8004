package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Certificate;
import software.amazon.awssdk.services.lightsail.model.CertificateDomainValidationStatus;
import software.amazon.awssdk.services.lightsail.model.CertificateStatus;
import software.amazon.awssdk.services.lightsail.model.CertificateSummary;
import software.amazon.awssdk.services.lightsail.model.CreateCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/** Standalone certificates (CreateCertificate, GetCertificates, DeleteCertificate), validated through Lightsail DNS. */
class CertificatesTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void certificateIsPendingUntilItsValidationRecordsAreInALightsailZone() {
        lightsail.createDomain(r -> r.domainName("example.com"));
        CreateCertificateResponse created = lightsail.createCertificate(r -> r.certificateName("site-cert")
                .domainName("example.com").subjectAlternativeNames("www.example.com", "*.example.com")
                .tags(t -> t.key("env").value("lab")));
        assertThat(created.operations()).singleElement().satisfies(op -> {
            assertThat(op.operationType()).isEqualTo(OperationType.CREATE_CERTIFICATE);
            assertThat(op.resourceName()).isEqualTo("site-cert");
        });
        CertificateSummary summary = created.certificate();
        assertThat(summary.certificateArn()).matches("arn:aws:lightsail:us-east-1:000000000000:Certificate/[0-9a-f-]{36}");
        assertThat(summary.domainName()).isEqualTo("example.com");
        Certificate pending = summary.certificateDetail();
        assertThat(pending.status()).isEqualTo(CertificateStatus.PENDING_VALIDATION);
        assertThat(pending.subjectAlternativeNames()).containsExactly("example.com", "www.example.com", "*.example.com");
        assertThat(pending.issuedAt()).isNull();
        assertThat(pending.inUseResourceCount()).isZero();
        assertThat(pending.domainValidationRecords()).hasSize(3).allSatisfy(v -> {
            assertThat(v.validationStatus()).isEqualTo(CertificateDomainValidationStatus.PENDING_VALIDATION);
            assertThat(v.resourceRecord().type()).isEqualTo("CNAME");
            assertThat(v.resourceRecord().name()).matches("_[0-9a-f]{32}\\.(www\\.)?example\\.com\\.");
            assertThat(v.resourceRecord().value()).matches("_[0-9a-f]{32}\\.[0-9a-f]{10}\\.acm-validations\\.aws\\.");
        });
        // the wildcard is validated on its base name
        assertThat(pending.domainValidationRecords().get(2).domainName()).isEqualTo("*.example.com");
        assertThat(pending.domainValidationRecords().get(2).resourceRecord().name()).endsWith(".example.com.")
                .doesNotContain("*");

        // a list without includeCertificateDetails has no detail; one certificate asked for by name has it
        assertThat(lightsail.getCertificates(r -> { }).certificates()).singleElement().satisfies(s -> {
            assertThat(s.certificateDetail()).isNull();
            assertThat(s.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=lab");
        });
        assertThat(lightsail.getCertificates(r -> r.certificateName("site-cert")).certificates().get(0).certificateDetail()
                .status()).isEqualTo(CertificateStatus.PENDING_VALIDATION);
        assertThat(lightsail.getCertificates(r -> r.certificateStatuses(CertificateStatus.ISSUED)).certificates()).isEmpty();

        // one record published is not enough
        publish(pending.domainValidationRecords().subList(0, 1));
        assertThat(detail("site-cert").status()).isEqualTo(CertificateStatus.PENDING_VALIDATION);
        publish(pending.domainValidationRecords().subList(1, 3));
        Certificate issued = detail("site-cert");
        assertThat(issued.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(issued.domainValidationRecords()).extracting(v -> v.validationStatus())
                .containsOnly(CertificateDomainValidationStatus.SUCCESS);
        assertThat(issued.issuerCA()).isEqualTo("Amazon");
        assertThat(issued.serialNumber()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(issued.notBefore()).isEqualTo(issued.issuedAt());
        assertThat(issued.notAfter()).isEqualTo(issued.issuedAt().plus(java.time.Duration.ofDays(395)));
        assertThat(lightsail.getCertificates(r -> r.certificateStatuses(CertificateStatus.ISSUED)).certificates())
                .extracting(CertificateSummary::certificateName).containsExactly("site-cert");
        assertThat(lightsail.getCertificates(r -> r.certificateStatuses(CertificateStatus.PENDING_VALIDATION)).certificates())
                .isEmpty();
    }

    @Test
    void certificatesAreCheckedNamedAndDeleted() {
        lightsail.createCertificate(r -> r.certificateName("one").domainName("a.example.com"));
        assertThatThrownBy(() -> lightsail.createCertificate(r -> r.certificateName("one").domainName("b.example.com")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Some names are already in use: one"));
        assertThatThrownBy(() -> lightsail.createCertificate(r -> r.certificateName("bad").domainName("not a name")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createCertificate(r -> r.certificateName("many").domainName("example.com")
                .subjectAlternativeNames(List.of("a.example.com", "b.example.com", "c.example.com", "d.example.com",
                        "e.example.com", "f.example.com", "g.example.com", "h.example.com", "i.example.com", "j.example.com"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.deleteCertificate(r -> r.certificateName("ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The Certificate does not exist: ghost"));
        assertThat(lightsail.getCertificates(r -> r.certificateName("ghost")).certificates()).isEmpty();

        Operation deleted = lightsail.deleteCertificate(r -> r.certificateName("one")).operations().get(0);
        assertThat(deleted.operationType()).isEqualTo(OperationType.DELETE_CERTIFICATE);
        assertThat(lightsail.getCertificates(r -> r.includeCertificateDetails(true)).certificates()).isEmpty();
        assertThat(lightsail.getOperations(r -> { }).operations()).filteredOn(op -> op.resourceName().equals("one"))
                .extracting(Operation::operationType)
                .contains(OperationType.CREATE_CERTIFICATE, OperationType.DELETE_CERTIFICATE);
    }

    @Test
    void certificatesOfAnotherRegionAreValidatedByTheUsEast1Zones() {
        lightsail.createDomain(r -> r.domainName("example.org"));
        try (LightsailClient oregon = cloudjar.client(LightsailClient.builder(), Region.US_WEST_2, "test", "test")) {
            Certificate pending = oregon.createCertificate(r -> r.certificateName("west-cert").domainName("example.org"))
                    .certificate().certificateDetail();
            assertThat(pending.arn()).startsWith("arn:aws:lightsail:us-west-2:");
            assertThat(lightsail.getCertificates(r -> r.certificateName("west-cert")).certificates()).isEmpty();
            publish(pending.domainValidationRecords());
            assertThat(oregon.getCertificates(r -> r.includeCertificateDetails(true)).certificates().get(0)
                    .certificateDetail().status()).isEqualTo(CertificateStatus.ISSUED);
        }
    }

    /** Adds the validation CNAMEs to the Lightsail zone their name is in. */
    static void publish(LightsailClient client, List<software.amazon.awssdk.services.lightsail.model.DomainValidationRecord> records) {
        for (var v : records) {
            String zone = client.getDomains().domains().stream().map(d -> d.name())
                    .filter(z -> v.resourceRecord().name().endsWith("." + z + ".")).findFirst().orElseThrow();
            client.createDomainEntry(r -> r.domainName(zone).domainEntry(e -> e.name(v.resourceRecord().name())
                    .type("CNAME").target(v.resourceRecord().value())));
        }
    }

    private static void publish(List<software.amazon.awssdk.services.lightsail.model.DomainValidationRecord> records) {
        publish(lightsail, records);
    }

    private static Certificate detail(String name) {
        return lightsail.getCertificates(r -> r.certificateName(name).includeCertificateDetails(true)).certificates().get(0)
                .certificateDetail();
    }
}
