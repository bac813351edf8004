package io.cloudjar.lightsail;

import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import io.cloudjar.core.spi.ServiceContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloudjar's own Lightsail endpoints (JSON), for what AWS shows outside the API:
 * <ul>
 * <li>{@code GET /_cloudjar/lightsail/bill[?account=123456789012][&region=us-east-1]}: what the current resources
 * would cost in a month ({@link BillView}); without {@code account}, the default account's.</li>
 * <li>{@code GET /_cloudjar/lightsail/notifications[?account=][&region=]}: what alarms and contact methods would
 * have sent, oldest first (every account and region unless filtered; alarms are evaluated up to now first);
 * {@code DELETE} forgets them.</li>
 * <li>{@code GET|POST /_cloudjar/lightsail/contact-methods/verify?token=...}: the link of a verification message,
 * which makes the email contact method Valid, as following AWS's mailed link does.</li>
 * </ul>
 */
public final class LightsailEndpoints extends LightsailProvider implements InternalResource {
    private static final String JSON = "application/json";
    private static final String PREFIX = "/_cloudjar/lightsail/";
    private String defaultAccount = "000000000000";

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        defaultAccount = context.config().defaultAccount() == null ? defaultAccount : context.config().defaultAccount();
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    static String verificationPath(String token) {
        return PREFIX + "contact-methods/verify?token=" + token;
    }

    @Override
    public PlainResponse handle(PlainRequest request) {
        PlainResponse response = answer(request);
        store.commitOutsideCall(); // no call's commit follows these: alarms caught up, notifications cleared, verified
        return response;
    }

    private PlainResponse answer(PlainRequest request) {
        String path = request.subPath().endsWith("/") ? request.subPath().substring(0, request.subPath().length() - 1)
                : request.subPath();
        Map<String, String> query = query(request.query());
        return switch (path) {
            case "bill" -> only(request, "GET", "HEAD") ? bill(query) : notAllowed("GET");
            case "notifications" -> switch (request.method()) {
                case "GET", "HEAD" -> notifications(query);
                case "DELETE" -> {
                    store.all().forEach(s -> s.notifications.clear());
                    yield PlainResponse.empty(204);
                }
                default -> notAllowed("GET or DELETE");
            };
            case "contact-methods/verify" -> only(request, "GET", "POST") ? verify(query.get("token")) : notAllowed("GET or POST");
            default -> PlainResponse.json(404, JSON, Map.of("error", "Not found: " + request.path()), true);
        };
    }

    private PlainResponse bill(Map<String, String> query) {
        String account = query.getOrDefault("account", defaultAccount);
        if (!account.matches("\\d{12}")) {
            return PlainResponse.json(400, JSON, Map.of("error", "account must be 12 digits"), true);
        }
        List<String> regions = query.containsKey("region") ? List.of(query.get("region")) : RegionsProvider.LIGHTSAIL_REGIONS;
        return PlainResponse.json(200, JSON, BillView.of(store, account, regions), true);
    }

    private PlainResponse notifications(Map<String, String> query) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LightsailState state : store.all()) {
            AlarmEvaluation.catchUp(state, store.timings(), store.now());
            for (Notifications.Notification n : state.notifications.list()) {
                if (query.getOrDefault("account", n.account()).equals(n.account())
                        && query.getOrDefault("region", n.region()).equals(n.region())) {
                    out.add(view(n));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(m -> (String) m.get("at")));
        return PlainResponse.json(200, JSON, Map.of("notifications", out), true);
    }

    private PlainResponse verify(String token) {
        if (token == null || token.isEmpty()) {
            return PlainResponse.json(400, JSON, Map.of("error", "token is required"), true);
        }
        for (LightsailState state : store.all()) {
            synchronized (state.lock) {
                for (ContactMethodRecord method : state.contactMethods.list()) {
                    if (token.equals(method.verificationToken())) {
                        state.contactMethods.put(method.verified());
                        return PlainResponse.json(200, JSON, Map.of("verified", method.endpoint(), "contactMethodArn",
                                method.meta().arn()), true);
                    }
                }
            }
        }
        return PlainResponse.json(404, JSON, Map.of("error", "This verification link is not valid or has been replaced."), true);
    }

    private static Map<String, Object> view(Notifications.Notification n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", n.at().toString());
        view.put("account", n.account());
        view.put("region", n.region());
        view.put("kind", n.kind());
        view.put("protocol", n.protocol().toString());
        view.put("contactEndpoint", n.contactEndpoint());
        view.put("delivered", n.delivered());
        if (n.note() != null) {
            view.put("note", n.note());
        }
        view.put("message", n.message());
        return view;
    }

    private static boolean only(PlainRequest request, String... methods) {
        return List.of(methods).contains(request.method());
    }

    private static PlainResponse notAllowed(String methods) {
        return PlainResponse.json(405, JSON, Map.of("error", "Use " + methods), true);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the pair is ignored
            }
        }
        return out;
    }
}
