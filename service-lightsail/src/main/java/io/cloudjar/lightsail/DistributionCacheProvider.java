package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import software.amazon.awssdk.services.lightsail.model.GetDistributionLatestCacheResetRequest;
import software.amazon.awssdk.services.lightsail.model.GetDistributionLatestCacheResetResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResetDistributionCacheRequest;
import software.amazon.awssdk.services.lightsail.model.ResetDistributionCacheResponse;

/**
 * Cache resets (CloudFront invalidations of every path): InProgress while the edge locations drop their copies (an
 * instance's start, on the emulator clock), then Completed. The latest one is answered per distribution, or across
 * the account's distributions when none is named.
 */
public final class DistributionCacheProvider extends LightsailProvider {
    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";

    public ResetDistributionCacheResponse resetDistributionCache(CallContext ctx, ResetDistributionCacheRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DistributionRecord distribution = state.distributions.get(request.distributionName());
            state.distributions.put(distribution.withCacheReset(scope.now()));
            return ResetDistributionCacheResponse.builder().status(IN_PROGRESS).createTime(scope.now())
                    .operation(state.operations.record(scope, distribution.meta(), OperationType.RESET_DISTRIBUTION_CACHE, null,
                            doneAt(scope.now())))
                    .build();
        }
    }

    public GetDistributionLatestCacheResetResponse getDistributionLatestCacheReset(CallContext ctx,
            GetDistributionLatestCacheResetRequest request) {
        LightsailScope scope = Distributions.scope(ctx);
        LightsailState state = state(ctx);
        Instant latest = request.distributionName() != null
                ? state.distributions.get(request.distributionName()).cacheResetAt()
                : state.distributions.list().stream().map(DistributionRecord::cacheResetAt).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null);
        if (latest == null) {
            return GetDistributionLatestCacheResetResponse.builder().build();
        }
        return GetDistributionLatestCacheResetResponse.builder().createTime(latest)
                .status(scope.now().isBefore(doneAt(latest)) ? IN_PROGRESS : COMPLETED).build();
    }

    private Instant doneAt(Instant resetAt) {
        return resetAt.plus(store.timings().pending());
    }
}
