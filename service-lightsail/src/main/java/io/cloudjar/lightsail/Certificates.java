package io.cloudjar.lightsail;

import java.util.List;

/**
 * What certificate and distribution calls share about standalone certificates: seeing one validated (issued when its
 * CNAMEs are in the account's Lightsail DNS zones, {@link CnameValidation}) and which distributions use it.
 */
final class Certificates {
    private Certificates() {
    }

    /** The certificate, issued now if its validation records have appeared; stored if it changed. */
    static CertificateRecord refreshed(LightsailStore store, LightsailState state, CertificateRecord c, LightsailScope scope) {
        if (c.isIssued() || !CnameValidation.allPublished(store.get(scope.account(), CnameValidation.ZONES_REGION),
                c.validation())) {
            return c;
        }
        CertificateRecord issued = c.issued(scope.now(), CnameValidation.newSerial());
        state.certificates.put(issued);
        return issued;
    }

    /** The distributions of the region the certificate is attached to. */
    static List<String> users(LightsailState state, String certificateName) {
        return state.distributions.list().stream().filter(d -> certificateName.equals(d.certificateName()))
                .map(DistributionRecord::name).toList();
    }
}
