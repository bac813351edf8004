package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.routing.ApiRouter;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.util.Set;

/**
 * Which AWS API the call is for, in which region, and (S3) which bucket a virtual host names. The signature is
 * parsed here, once: its credential scope names the API and region, and authentication verifies it later.
 */
final class ResolveApi implements Stage {
    private final EmulatorRuntime runtime;
    private final Set<String> used;

    ResolveApi(EmulatorRuntime runtime, Set<String> usedApis) {
        this.runtime = runtime;
        this.used = usedApis;
    }

    @Override
    public void apply(RequestContext ctx) {
        SigV4Credential credential = null;
        try {
            credential = SigV4Parser.parse(ctx.request()).orElse(null);
            ctx.credential(credential);
        } catch (AwsException malformed) {
            ctx.malformedSignature(malformed); // routed without it; Authenticate reports it in the API's error shape
        }
        ApiRouter.Route route = runtime.router().route(ctx.request(), credential, () -> FormParameters.of(ctx));
        String api = route.api().api();
        ctx.api(route.api(), runtime.models().api(api));
        ctx.virtualHostBucket(route.virtualHostBucket());
        ctx.region(credential != null && credential.region() != null ? credential.region()
                : route.region() != null ? route.region() : runtime.config().defaultRegion());
        if (!runtime.providers().serves(api)) {
            throw AwsErrors.of("NotImplemented", 501,
                    "Service '%s' is not enabled. Please check your 'SERVICES' configuration variable.", api);
        }
        used.add(api);
    }
}
