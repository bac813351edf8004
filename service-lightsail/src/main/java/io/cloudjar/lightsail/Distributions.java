package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.IpAddressType;

/**
 * What the distribution calls share: they are answered in us-east-1 only, a change deploys for a while (five times an
 * instance's start, on the emulator clock), and a certificate a distribution takes must be an issued certificate of
 * us-east-1 whose names no other distribution of the account serves (CloudFront's CNAME rule).
 */
final class Distributions {
    private Distributions() {
    }

    static LightsailScope scope(CallContext ctx) {
        return LightsailScope.inUsEast1(ctx, "Distribution-related");
    }

    static Duration deployment(LightsailTimings timings) {
        return timings.pending().multipliedBy(5);
    }

    static Instant deployedAt(LightsailTimings timings, Instant now) {
        return now.plus(deployment(timings));
    }

    /** dualstack (the default) or ipv4: a distribution is never IPv6-only. */
    static String ipAddressType(IpAddressType type, String text) {
        if (type == null) {
            return IpAddressType.DUALSTACK.toString();
        }
        if (type != IpAddressType.DUALSTACK && type != IpAddressType.IPV4) {
            throw LightsailErrors.invalidInput("A distribution's IP address type is dualstack or ipv4, not %s.", text);
        }
        return type.toString();
    }

    /** The certificate {@code name} for {@code distributionName}: issued, its names served by no other distribution. */
    static CertificateRecord attachable(LightsailStore store, LightsailState state, LightsailScope scope, String name,
                                        String distributionName) {
        CertificateRecord certificate = Certificates.refreshed(store, state, state.certificates.get(name), scope);
        if (!certificate.isIssued()) {
            throw LightsailErrors.invalidInput("The certificate %s is not valid yet: it is %s. Add its validation records to"
                    + " the domain's DNS first.", certificate.name(), certificate.status());
        }
        for (DistributionRecord other : state.distributions.list()) {
            if (!other.name().equals(distributionName)
                    && other.alternativeDomainNames().stream().anyMatch(certificate.names()::contains)) {
                throw LightsailErrors.invalidInput("One or more of the CNAMEs you provided are already associated with a"
                        + " different resource: the distribution %s serves %s.", other.name(),
                        String.join(", ", other.alternativeDomainNames().stream().filter(certificate.names()::contains).toList()));
            }
        }
        return certificate;
    }
}
