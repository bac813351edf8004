package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.AttachCertificateToDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.AttachCertificateToDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.DetachCertificateFromDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.DetachCertificateFromDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * A distribution's certificate: attaching an issued us-east-1 certificate makes its names the distribution's
 * alternative domain names (and replaces the one attached before); detaching goes back to the default
 * {@code *.cloudfront.net} certificate. Either redeploys the distribution.
 */
public final class DistributionCertificatesProvider extends LightsailProvider {

    public AttachCertificateToDistributionResponse attachCertificateToDistribution(CallContext ctx,
            AttachCertificateToDistributionRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            CertificateRecord certificate = Distributions.attachable(store, state, scope, request.certificateName(),
                    distribution.name());
            Instant until = Distributions.deployedAt(store.timings(), scope.now());
            state.distributions.put(distribution.withCertificate(certificate, until));
            return AttachCertificateToDistributionResponse.builder().operation(state.operations.record(scope,
                    distribution.meta(), OperationType.ATTACH_CERTIFICATE_TO_DISTRIBUTION, certificate.name(), until)).build();
        }
    }

    public DetachCertificateFromDistributionResponse detachCertificateFromDistribution(CallContext ctx,
            DetachCertificateFromDistributionRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            if (distribution.certificateName() == null) {
                throw LightsailErrors.invalidInput("The distribution %s has no certificate attached.", distribution.name());
            }
            Instant until = Distributions.deployedAt(store.timings(), scope.now());
            state.distributions.put(distribution.withCertificate(null, until));
            return DetachCertificateFromDistributionResponse.builder().operation(state.operations.record(scope,
                    distribution.meta(), OperationType.DETACH_CERTIFICATE_FROM_DISTRIBUTION, distribution.certificateName(),
                    until)).build();
        }
    }
}
