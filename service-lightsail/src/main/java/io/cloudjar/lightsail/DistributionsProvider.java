package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CacheBehavior;
import software.amazon.awssdk.services.lightsail.model.CacheBehaviorPerPath;
import software.amazon.awssdk.services.lightsail.model.CacheSettings;
import software.amazon.awssdk.services.lightsail.model.CreateDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.GetDistributionBundlesRequest;
import software.amazon.awssdk.services.lightsail.model.GetDistributionBundlesResponse;
import software.amazon.awssdk.services.lightsail.model.GetDistributionsRequest;
import software.amazon.awssdk.services.lightsail.model.GetDistributionsResponse;
import software.amazon.awssdk.services.lightsail.model.LightsailDistribution;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UpdateDistributionBundleRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateDistributionBundleResponse;
import software.amazon.awssdk.services.lightsail.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.ViewerMinimumTlsProtocolVersionEnum;

/**
 * Lightsail content delivery network distributions (us-east-1 only): created over an instance, load balancer,
 * container service or bucket origin ({@link DistributionOrigins}) on a bundle ({@link DistributionBundles}) with a
 * CloudFront domain name, deploying on the emulator clock (InProgress, then Deployed) after every change; updated
 * (origin, caching, enabled, TLS version, certificate), their bundle changed once a month, deleted. Certificates and
 * cache resets are {@link DistributionCertificatesProvider}'s and {@link DistributionCacheProvider}'s.
 */
public final class DistributionsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateDistributionResponse createDistribution(CallContext ctx, CreateDistributionRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        String bundleId = DistributionBundles.get(request.bundleId()).bundleId();
        CacheBehavior defaultBehavior = DistributionCaching.defaultBehavior(request.defaultCacheBehavior());
        CacheSettings settings = DistributionCaching.settings(request.cacheBehaviorSettings());
        List<CacheBehaviorPerPath> behaviors = DistributionCaching.pathBehaviors(request.cacheBehaviors());
        String ipAddressType = Distributions.ipAddressType(request.ipAddressType(), request.ipAddressTypeAsString());
        String tlsVersion = tlsVersion(request.viewerMinimumTlsProtocolVersion(), request.viewerMinimumTlsProtocolVersionAsString(),
                ViewerMinimumTlsProtocolVersionEnum.TLS_V1_2_2021.toString());
        DistributionOrigins.Resolved origin = DistributionOrigins.resolve(store, scope, request.origin());
        synchronized (state.lock) {
            String name = request.distributionName();
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            CertificateRecord certificate = request.certificateName() == null ? null
                    : Distributions.attachable(store, state, scope, request.certificateName(), name);
            String cloudFrontId = Ids.iam("E", 14); // a CloudFront distribution id, as the support code carries it
            DistributionRecord distribution = new DistributionRecord(ResourceMeta.create(scope, ResourceType.DISTRIBUTION, name,
                    "all", cloudFrontId, tags), bundleId, origin.origin(), origin.publicDns(), defaultBehavior, settings,
                    behaviors, true, ipAddressType, tlsVersion, "d" + Ids.iam("", 13).toLowerCase(Locale.ROOT) + ".cloudfront.net",
                    null, List.of(), Distributions.deployedAt(store.timings(), scope.now()), null, null)
                    .withCertificate(certificate, Distributions.deployedAt(store.timings(), scope.now()));
            state.distributions.put(distribution);
            return CreateDistributionResponse.builder().distribution(distribution.toSdk(scope.now()))
                    .operation(state.operations.record(scope, distribution.meta(), OperationType.CREATE_DISTRIBUTION, null,
                            distribution.deployedAt()))
                    .build();
        }
    }

    public GetDistributionsResponse getDistributions(CallContext ctx, GetDistributionsRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        List<DistributionRecord> found = request.distributionName() == null ? state.distributions.list()
                : List.of(state.distributions.get(request.distributionName()));
        Pages<LightsailDistribution> page = Pages.of(found.stream().map(d -> d.toSdk(scope.now())).toList(),
                request.pageToken(), PAGE_SIZE);
        return GetDistributionsResponse.builder().distributions(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public UpdateDistributionResponse updateDistribution(CallContext ctx, UpdateDistributionRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        if (request.certificateName() != null && Boolean.TRUE.equals(request.useDefaultCertificate())) {
            throw LightsailErrors.invalidInput("Give a certificateName or useDefaultCertificate, not both.");
        }
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            DistributionOrigins.Resolved origin = request.origin() == null
                    ? new DistributionOrigins.Resolved(distribution.origin(), distribution.originPublicDns())
                    : DistributionOrigins.resolve(store, scope, request.origin());
            CacheBehavior defaultBehavior = request.defaultCacheBehavior() == null ? distribution.defaultCacheBehavior()
                    : DistributionCaching.defaultBehavior(request.defaultCacheBehavior());
            CacheSettings settings = request.cacheBehaviorSettings() == null ? distribution.cacheSettings()
                    : DistributionCaching.settings(request.cacheBehaviorSettings());
            List<CacheBehaviorPerPath> behaviors = request.hasCacheBehaviors()
                    ? DistributionCaching.pathBehaviors(request.cacheBehaviors()) : distribution.cacheBehaviors();
            boolean enabled = request.isEnabled() == null ? distribution.enabled() : request.isEnabled();
            String tlsVersion = tlsVersion(request.viewerMinimumTlsProtocolVersion(),
                    request.viewerMinimumTlsProtocolVersionAsString(), distribution.viewerMinimumTlsProtocolVersion());
            var until = Distributions.deployedAt(store.timings(), scope.now());
            DistributionRecord updated = distribution.withSettings(origin.origin(), origin.publicDns(), defaultBehavior, settings,
                    behaviors, enabled, tlsVersion, until);
            if (request.certificateName() != null) {
                updated = updated.withCertificate(Distributions.attachable(store, state, scope, request.certificateName(),
                        distribution.name()), until);
            } else if (Boolean.TRUE.equals(request.useDefaultCertificate())) {
                updated = updated.withCertificate(null, until);
            }
            state.distributions.put(updated);
            return UpdateDistributionResponse.builder().operation(state.operations.record(scope, updated.meta(),
                    OperationType.UPDATE_DISTRIBUTION, null, until)).build();
        }
    }

    public DeleteDistributionResponse deleteDistribution(CallContext ctx, DeleteDistributionRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            state.distributions.remove(distribution.name());
            return DeleteDistributionResponse.builder().operation(state.operations.record(scope, distribution.meta(),
                    OperationType.DELETE_DISTRIBUTION, null)).build();
        }
    }

    public GetDistributionBundlesResponse getDistributionBundles(CallContext ctx, GetDistributionBundlesRequest request) {
        Distributions.scope(ctx);
        return GetDistributionBundlesResponse.builder().bundles(DistributionBundles.ALL).build();
    }

    public UpdateDistributionBundleResponse updateDistributionBundle(CallContext ctx, UpdateDistributionBundleRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            String bundleId = DistributionBundles.get(request.bundleId()).bundleId();
            if (!BundleCycle.canChange(distribution.bundleChangedAt(), scope.now())) {
                throw LightsailErrors.invalidInput("The bundle of distribution %s was already changed in this monthly billing"
                        + " cycle; it can be changed once a month.", distribution.name());
            }
            state.distributions.put(distribution.withBundle(bundleId, scope.now()));
            return UpdateDistributionBundleResponse.builder().operation(state.operations.record(scope, distribution.meta(),
                    OperationType.UPDATE_DISTRIBUTION_BUNDLE, distribution.bundleId() + " -> " + bundleId)).build();
        }
    }

    private static String tlsVersion(ViewerMinimumTlsProtocolVersionEnum version, String text, String otherwise) {
        if (version == null) {
            return otherwise;
        }
        if (version == ViewerMinimumTlsProtocolVersionEnum.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The viewer minimum TLS protocol version %s is not valid.", text);
        }
        return version.toString();
    }
}
