package io.cloudjar.lightsail;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AppCategory;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.GetBundlesRequest;
import software.amazon.awssdk.services.lightsail.model.GetBundlesResponse;

/** Lightsail instance plans (bundles): a fixed catalogue, the same in every region and account. */
public final class BundlesProvider implements ServiceProvider {
    @Override
    public String api() {
        return "lightsail";
    }

    /**
     * The whole catalogue in one page: it is a few dozen plans, so we never issue a nextPageToken, and a
     * token we did not issue is refused rather than silently ignored. Lightsail for Research (LfR) plans
     * are not modelled: that category answers an empty list.
     */
    public GetBundlesResponse getBundles(CallContext ctx, GetBundlesRequest request) {
        if (request.pageToken() != null && !request.pageToken().isEmpty()) {
            throw AwsErrors.of("InvalidInputException", 400, "The page token '%s' is not valid.", request.pageToken());
        }
        if (request.appCategory() == AppCategory.LFR) {
            return GetBundlesResponse.builder().bundles(List.of()).build();
        }
        boolean includeInactive = Boolean.TRUE.equals(request.includeInactive());
        List<Bundle> bundles = BundleCatalog.all().stream()
                .filter(b -> includeInactive || b.isActive())
                .toList();
        return GetBundlesResponse.builder().bundles(bundles).build();
    }
}
