package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CacheBehavior;
import software.amazon.awssdk.services.lightsail.model.CacheBehaviorPerPath;
import software.amazon.awssdk.services.lightsail.model.CacheSettings;
import software.amazon.awssdk.services.lightsail.model.LightsailDistribution;
import software.amazon.awssdk.services.lightsail.model.Origin;

/**
 * A Lightsail content delivery network distribution (in us-east-1): its origin, caching, bundle, and the certificate
 * that gives it its alternative domain names (the certificate's names: Lightsail sets no others). Every change
 * deploys to the edge: the status is InProgress until {@code deployedAt}, then Deployed.
 *
 * @param domainName      {@code d<13 characters>.cloudfront.net}
 * @param certificateName the attached certificate, or null (the default {@code *.cloudfront.net} one)
 * @param alternativeDomainNames the attached certificate's names, empty without one
 * @param deployedAt      when the latest change is deployed everywhere
 * @param bundleChangedAt when UpdateDistributionBundle last changed the bundle, or null
 * @param cacheResetAt    when the cache was last reset, or null
 */
record DistributionRecord(ResourceMeta meta, String bundleId, Origin origin, String originPublicDns,
                          CacheBehavior defaultCacheBehavior, CacheSettings cacheSettings, List<CacheBehaviorPerPath> cacheBehaviors,
                          boolean enabled, String ipAddressType, String viewerMinimumTlsProtocolVersion, String domainName,
                          String certificateName, List<String> alternativeDomainNames, Instant deployedAt,
                          Instant bundleChangedAt, Instant cacheResetAt) implements LightsailResource<DistributionRecord> {
    static final String IN_PROGRESS = "InProgress";
    static final String DEPLOYED = "Deployed";

    DistributionRecord {
        cacheBehaviors = List.copyOf(cacheBehaviors);
        alternativeDomainNames = List.copyOf(alternativeDomainNames);
    }

    @Override
    public DistributionRecord withMeta(ResourceMeta newMeta) {
        return new DistributionRecord(newMeta, bundleId, origin, originPublicDns, defaultCacheBehavior, cacheSettings,
                cacheBehaviors, enabled, ipAddressType, viewerMinimumTlsProtocolVersion, domainName, certificateName,
                alternativeDomainNames, deployedAt, bundleChangedAt, cacheResetAt);
    }

    /** UpdateDistribution's changes (what the call left out passed as it was), deploying until {@code until}. */
    DistributionRecord withSettings(Origin newOrigin, String newOriginPublicDns, CacheBehavior newDefault, CacheSettings newSettings,
                                    List<CacheBehaviorPerPath> newBehaviors, boolean isEnabled, String tlsVersion, Instant until) {
        return new DistributionRecord(meta, bundleId, newOrigin, newOriginPublicDns, newDefault, newSettings, newBehaviors,
                isEnabled, ipAddressType, tlsVersion, domainName, certificateName, alternativeDomainNames, until,
                bundleChangedAt, cacheResetAt);
    }

    /** With {@code certificate} attached (its names become the alternative domain names), or none when null. */
    DistributionRecord withCertificate(CertificateRecord certificate, Instant until) {
        return new DistributionRecord(meta, bundleId, origin, originPublicDns, defaultCacheBehavior, cacheSettings,
                cacheBehaviors, enabled, ipAddressType, viewerMinimumTlsProtocolVersion, domainName,
                certificate == null ? null : certificate.name(), certificate == null ? List.of() : certificate.names(),
                until, bundleChangedAt, cacheResetAt);
    }

    DistributionRecord withIpAddressType(String type, Instant until) {
        return new DistributionRecord(meta, bundleId, origin, originPublicDns, defaultCacheBehavior, cacheSettings,
                cacheBehaviors, enabled, type, viewerMinimumTlsProtocolVersion, domainName, certificateName,
                alternativeDomainNames, until, bundleChangedAt, cacheResetAt);
    }

    DistributionRecord withBundle(String newBundleId, Instant at) {
        return new DistributionRecord(meta, newBundleId, origin, originPublicDns, defaultCacheBehavior, cacheSettings,
                cacheBehaviors, enabled, ipAddressType, viewerMinimumTlsProtocolVersion, domainName, certificateName,
                alternativeDomainNames, deployedAt, at, cacheResetAt);
    }

    DistributionRecord withCacheReset(Instant at) {
        return new DistributionRecord(meta, bundleId, origin, originPublicDns, defaultCacheBehavior, cacheSettings,
                cacheBehaviors, enabled, ipAddressType, viewerMinimumTlsProtocolVersion, domainName, certificateName,
                alternativeDomainNames, deployedAt, bundleChangedAt, at);
    }

    String status(Instant now) {
        return now.isBefore(deployedAt) ? IN_PROGRESS : DEPLOYED;
    }

    LightsailDistribution toSdk(Instant now) {
        return LightsailDistribution.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .alternativeDomainNames(alternativeDomainNames)
                .status(status(now))
                .isEnabled(enabled)
                .domainName(domainName)
                .bundleId(bundleId)
                .certificateName(certificateName)
                .origin(origin)
                .originPublicDNS(originPublicDns)
                .defaultCacheBehavior(defaultCacheBehavior)
                .cacheBehaviorSettings(cacheSettings)
                .cacheBehaviors(cacheBehaviors)
                .ableToUpdateBundle(BundleCycle.canChange(bundleChangedAt, now))
                .ipAddressType(ipAddressType)
                .viewerMinimumTlsProtocolVersion(viewerMinimumTlsProtocolVersion)
                .build();
    }
}
