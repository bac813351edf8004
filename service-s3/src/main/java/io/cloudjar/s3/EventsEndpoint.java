package io.cloudjar.s3;

import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_cloudjar/s3/events} lists the event notifications S3 would have delivered, oldest first, as
 * {@code {"Events": [{"Destination": arn, "DestinationType": "Queue", "Bucket": name, "Message": {"Records": [...]}}]}}
 * ({@code ?bucket=name} keeps one bucket's); {@code DELETE} forgets them. Until SQS, SNS and Lambda exist here, this
 * is where a test reads what its bucket's notification configuration sent.
 */
public final class EventsEndpoint extends S3Feature implements InternalResource {
    private static final String JSON = "application/json";

    @Override
    public String pathPrefix() {
        return "/_cloudjar/s3/";
    }

    @Override
    public PlainResponse handle(PlainRequest request) {
        if (!request.subPath().equals("events")) {
            return PlainResponse.json(404, JSON, Map.of("message", "Not found: " + request.path()), false);
        }
        switch (request.method()) {
            case "GET" -> {
                List<Map<String, Object>> events = state.events().deliveries(bucketParameter(request.query())).stream()
                        .map(EventsEndpoint::view).toList();
                return PlainResponse.json(200, JSON, Map.of("Events", events), true);
            }
            case "DELETE" -> {
                state.events().clear();
                return PlainResponse.empty(204);
            }
            default -> {
                return PlainResponse.json(405, JSON, Map.of("message", "GET or DELETE " + pathPrefix() + "events"), false)
                        .withHeader("Allow", "GET, DELETE");
            }
        }
    }

    private static Map<String, Object> view(EventNotifications.Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Destination", d.destination());
        view.put("DestinationType", d.destinationType());
        view.put("Bucket", d.bucket());
        view.put("Message", d.message());
        return view;
    }

    private static String bucketParameter(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("bucket=")) {
                try {
                    return URLDecoder.decode(pair.substring("bucket=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return pair.substring("bucket=".length());
                }
            }
        }
        return null;
    }
}
