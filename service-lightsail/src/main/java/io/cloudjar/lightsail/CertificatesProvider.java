package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CertificateStatus;
import software.amazon.awssdk.services.lightsail.model.CertificateSummary;
import software.amazon.awssdk.services.lightsail.model.CreateCertificateRequest;
import software.amazon.awssdk.services.lightsail.model.CreateCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteCertificateResponse;
import software.amazon.awssdk.services.lightsail.model.GetCertificatesRequest;
import software.amazon.awssdk.services.lightsail.model.GetCertificatesResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Standalone Lightsail certificates (the ones distributions use; a distribution takes only a certificate of
 * us-east-1, where distributions live): requested PENDING_VALIDATION with CNAME validation records, issued when those
 * records are in a Lightsail DNS zone of the account, listed with or without details, deleted unless a distribution
 * uses one.
 */
public final class CertificatesProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateCertificateResponse createCertificate(CallContext ctx, CreateCertificateRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        List<String> names = CnameValidation.certificateNames(request.domainName(), request.subjectAlternativeNames());
        synchronized (state.lock) {
            if (state.nameTaken(request.certificateName())) {
                throw LightsailErrors.namesInUse(List.of(request.certificateName()));
            }
            CertificateRecord certificate = new CertificateRecord(ResourceMeta.create(scope, ResourceType.CERTIFICATE,
                    request.certificateName(), "all", "Certificate/" + request.certificateName(), tags),
                    names, CnameValidation.forNames(names), null, null);
            state.certificates.put(certificate);
            return CreateCertificateResponse.builder().certificate(certificate.summary(true, 0))
                    .operations(state.operations.record(scope, certificate.meta(), OperationType.CREATE_CERTIFICATE,
                            certificate.domainName()))
                    .build();
        }
    }

    public GetCertificatesResponse getCertificates(CallContext ctx, GetCertificatesRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        List<CertificateStatus> statuses = request.hasCertificateStatuses() ? request.certificateStatuses() : List.of();
        if (statuses.contains(CertificateStatus.UNKNOWN_TO_SDK_VERSION)) {
            throw LightsailErrors.invalidInput("The certificate statuses %s are not valid.", request.certificateStatusesAsStrings());
        }
        // one certificate asked for by name comes with its detail (Terraform's provider reads it so), a list only when asked
        boolean details = Boolean.TRUE.equals(request.includeCertificateDetails()) || request.certificateName() != null;
        synchronized (state.lock) {
            List<CertificateSummary> found = state.certificates.list().stream()
                    .filter(c -> request.certificateName() == null || c.name().equals(request.certificateName()))
                    .map(c -> Certificates.refreshed(store, state, c, scope))
                    .filter(c -> statuses.isEmpty() || statuses.contains(c.status()))
                    .map(c -> c.summary(details, Certificates.users(state, c.name()).size()))
                    .toList();
            Pages<CertificateSummary> page = Pages.of(found, request.pageToken(), PAGE_SIZE);
            return GetCertificatesResponse.builder().certificates(page.items()).nextPageToken(page.nextPageToken()).build();
        }
    }

    public DeleteCertificateResponse deleteCertificate(CallContext ctx, DeleteCertificateRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            CertificateRecord certificate = state.certificates.get(request.certificateName());
            List<String> users = Certificates.users(state, certificate.name());
            if (!users.isEmpty()) {
                throw LightsailErrors.invalidInput("The certificate %s is in use by the distribution %s: detach it"
                        + " (DetachCertificateFromDistribution) before deleting it.", certificate.name(), String.join(", ", users));
            }
            state.certificates.remove(certificate.name());
            return DeleteCertificateResponse.builder().operations(state.operations.record(scope, certificate.meta(),
                    OperationType.DELETE_CERTIFICATE, certificate.domainName())).build();
        }
    }
}
