package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.GetActiveNamesRequest;
import software.amazon.awssdk.services.lightsail.model.GetActiveNamesResponse;

/** GetActiveNames: the names of every resource of the region that exists (not deleted), whatever its type. */
public final class ActiveNamesProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 200;

    public GetActiveNamesResponse getActiveNames(CallContext ctx, GetActiveNamesRequest request) {
        LightsailState state = state(ctx);
        List<String> names = state.tables().stream().filter(t -> t != state.guiSessions) // kept by ARN, not named
                .flatMap(t -> t.list().stream())
                .map(LightsailResource::name).distinct().toList();
        Pages<String> page = Pages.of(names, request.pageToken(), PAGE_SIZE);
        return GetActiveNamesResponse.builder().activeNames(page.items()).nextPageToken(page.nextPageToken()).build();
    }
}
