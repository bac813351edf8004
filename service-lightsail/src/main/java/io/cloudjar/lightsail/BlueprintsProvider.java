package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.AppCategory;
import software.amazon.awssdk.services.lightsail.model.Blueprint;
import software.amazon.awssdk.services.lightsail.model.GetBlueprintsRequest;
import software.amazon.awssdk.services.lightsail.model.GetBlueprintsResponse;

/** Lightsail images (blueprints): a fixed catalogue, the same in every region and account, in one page. */
public final class BlueprintsProvider implements ServiceProvider {
    @Override
    public String api() {
        return "lightsail";
    }

    /** As GetBundles: no token is ever issued, so a non-empty one is refused; Lightsail for Research answers none. */
    public GetBlueprintsResponse getBlueprints(CallContext ctx, GetBlueprintsRequest request) {
        if (request.pageToken() != null && !request.pageToken().isEmpty()) {
            throw LightsailErrors.badPageToken(request.pageToken());
        }
        if (request.appCategory() == AppCategory.LFR) {
            return GetBlueprintsResponse.builder().blueprints(List.of()).build();
        }
        boolean includeInactive = Boolean.TRUE.equals(request.includeInactive());
        List<Blueprint> blueprints = BlueprintCatalog.all().stream().map(BlueprintCatalog.Entry::blueprint)
                .filter(b -> includeInactive || b.isActive()).toList();
        return GetBlueprintsResponse.builder().blueprints(blueprints).build();
    }
}
