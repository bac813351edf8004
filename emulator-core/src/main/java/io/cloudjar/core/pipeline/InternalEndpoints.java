package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.routing.CrossSite;
import io.cloudjar.core.routing.ServedHosts;
import io.cloudjar.core.runtime.EmulatorRuntime;
import io.cloudjar.core.runtime.Version;
import io.cloudjar.core.util.PercentCodec;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloudjar's own endpoints, answered before any AWS routing: health in LocalStack's shape
 * ({@code /_localstack/health}, {@code /_cloudjar/health}) and state reset in moto's
 * ({@code POST /moto-api/reset}), so users of either can switch without changing scripts. Paths that a
 * provider declares as an {@link io.cloudjar.core.spi.InternalResource} (the EC2 instance metadata service under
 * {@code /_cloudjar/ec2/}) go to that provider.
 *
 * <p>They sign nothing, so two guards come first: the Host must be one this server serves (DNS rebinding would
 * otherwise let a page read instance credentials), and a page of another site may only read (GET, HEAD): it cannot
 * reset, move the clock or take an IMDS token.
 */
final class InternalEndpoints implements Stage {

    private final EmulatorRuntime runtime;
    private final Set<String> used;
    private final InternalResources resources;
    private final ClockEndpoint clock;
    private final ServedHosts hosts;
    private final InfoEndpoint info;

    InternalEndpoints(EmulatorRuntime runtime, Set<String> usedApis, ServedHosts hosts) {
        this.runtime = runtime;
        this.used = usedApis;
        this.hosts = hosts;
        this.resources = new InternalResources(runtime.providers().all());
        this.clock = new ClockEndpoint(runtime.clock());
        this.info = new InfoEndpoint(runtime.clock());
    }

    static Set<String> newUsageSet() {
        return ConcurrentHashMap.newKeySet();
    }

    @Override
    public void apply(RequestContext ctx) throws Exception {
        String path = ctx.request().rawPath();
        String method = ctx.request().method();
        String websiteBucket = WebsiteHosts.bucket(ctx.request().hostName());
        if (websiteBucket != null) { // S3 website endpoints: served by S3's website resource, not the REST API
            OutgoingResponse site = resources.answer(ctx.request(),
                    "/_cloudjar/website/" + PercentCodec.encode(websiteBucket, false) + path);
            ctx.response(site != null ? site : json(404, error("S3 website endpoints need S3")));
            return;
        }
        if (!path.startsWith("/_cloudjar/") && !path.startsWith("/_localstack/") && !path.startsWith("/moto-api/")) {
            return;
        }
        if (!hosts.serves(ctx.request().hostName())) {
            ctx.response(json(400, error(CheckHost.refusal(ctx.request().hostName()))));
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD") && CrossSite.isForeign(ctx.request(), hosts)) {
            ctx.response(json(403, error("A web page of another site may not " + method + " " + path
                    + "; internal endpoints change state only for local clients.")));
            return;
        }
        OutgoingResponse declared = resources.answer(ctx.request());
        if (declared != null) {
            ctx.response(declared);
        } else if (path.equals(ClockEndpoint.PATH)) {
            ctx.response(clock.answer(ctx.request()));
        } else if ((path.equals("/_cloudjar/health") || path.equals("/_localstack/health"))
                && (method.equals("GET") || method.equals("HEAD"))) {
            ctx.response(json(200, method.equals("HEAD") ? null : health()));
        } else if (path.equals(InfoEndpoint.PATH) && (method.equals("GET") || method.equals("HEAD"))) {
            ctx.response(json(200, method.equals("HEAD") ? null : info.answer()));
        } else if (InitEndpoint.matches(path) && (method.equals("GET") || method.equals("HEAD"))) {
            ObjectNode init = InitEndpoint.answer(runtime.initStatus(), path);
            ctx.response(init == null ? json(404, error("Unknown init stage in " + path
                    + "; the stages are BOOT, START, READY and SHUTDOWN")) : json(200, method.equals("HEAD") ? null : init));
        } else if (path.equals("/moto-api/reset-auth") && method.equals("POST")) {
            ctx.response(resetAuth(ctx));
        } else if ((path.equals("/moto-api/reset") || path.equals("/_localstack/state/reset")
                || path.equals("/_cloudjar/reset")) && method.equals("POST")) {
            runtime.reset();
            ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ok");
            ctx.response(json(200, body));
        } else {
            ctx.response(json(404, error("Unknown internal endpoint " + method + " " + path)));
        }
    }

    /** moto's: the body is the number of calls allowed before authorization applies again. */
    private OutgoingResponse resetAuth(RequestContext ctx) {
        String text;
        try {
            text = new String(ctx.request().body().bytes(64), StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            return json(400, error("The body must be a number of calls: " + e.getMessage()));
        }
        double count;
        try {
            count = text.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return json(400, error("The body must be a number of calls, not '" + text + "'"));
        }
        if (Double.isNaN(count) || count < 0) {
            return json(400, error("The number of calls must be 0 or more, not '" + text + "'"));
        }
        String previous = runtime.resetAuth(count);
        return json(200, Json.MAPPER.createObjectNode().put("status", "ok").put("PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT", previous));
    }

    private static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }

    private ObjectNode health() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode services = root.putObject("services");
        for (ApiMetadata api : runtime.models().apis()) {
            String state;
            if (!runtime.providers().serves(api.api())) {
                state = "disabled";
            } else {
                state = used.contains(api.api()) ? "running" : "available";
            }
            services.put(api.api(), state);
        }
        root.put("edition", "community");
        root.put("version", Version.get());
        return root;
    }

    private static OutgoingResponse json(int status, ObjectNode body) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        return OutgoingResponse.of(status, "application/json", bytes);
    }

    /** Jackson loads on the first internal call, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
