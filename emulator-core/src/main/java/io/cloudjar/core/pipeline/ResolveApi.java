package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.routing.ApiRouter;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.util.Set;

/** Which AWS API the call is for, in which region, and (S3) which bucket a virtual host names. */
final class ResolveApi implements Stage {
    private final EmulatorRuntime runtime;
    private final Set<String> used;

    ResolveApi(EmulatorRuntime runtime, Set<String> usedApis) {
        this.runtime = runtime;
        this.used = usedApis;
    }

    @Override
    public void apply(RequestContext ctx) {
        SigV4Credential credential;
        try {
            credential = SigV4Parser.parse(ctx.request()).orElse(null);
        } catch (AwsException malformed) {
            credential = null; // routed without it; Authenticate reports the malformed signature
        }
        ApiRouter.Route route = runtime.router().route(ctx.request(), credential, ctx::parameters);
        String api = route.api().api();
        ctx.api(route.api(), runtime.models().api(api));
        ctx.virtualHostBucket(route.virtualHostBucket());
        ctx.region(route.region() != null ? route.region() : runtime.config().defaultRegion());
        if (!runtime.providers().serves(api)) {
            throw AwsErrors.of("NotImplemented", 501,
                    "Service '%s' is not enabled. Please check your 'SERVICES' configuration variable.", api);
        }
        used.add(api);
    }
}
