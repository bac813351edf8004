package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.util.EmulatorClock;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code /_cloudjar/clock}: reads and moves the emulator clock, so users and scripts hurry timed states
 * (instances booting, snapshots, expiring credentials) instead of waiting.
 * <ul>
 * <li>{@code GET} (or {@code HEAD}) answers {@code {"now": "<ISO-8601 UTC>", "offsetSeconds": N}}: the emulator's
 * time and how far it is ahead of the base clock, in whole seconds.</li>
 * <li>{@code POST {"advanceSeconds": N}} moves the clock N seconds forward (a JSON integer, 0 to 100 years);
 * {@code POST {"reset": true}} goes back to the base clock (offset 0). Both answer the same shape as GET.
 * One request does one thing: both fields together, neither, another field, {@code "reset": false}, a
 * negative, fractional or quoted number, or malformed JSON are a 400 with {@code {"error": "..."}}.</li>
 * <li>Other methods are a 405.</li>
 * </ul>
 */
final class ClockEndpoint {
    static final String PATH = "/_cloudjar/clock";

    /** A bound that keeps the offset far from overflowing while allowing any jump a test could want. */
    static final long MAX_ADVANCE_SECONDS = 100L * 366 * 24 * 60 * 60;

    private static final int BODY_LIMIT = 4096;
    private static final Set<String> FIELDS = Set.of("advanceSeconds", "reset");

    private final EmulatorClock clock;

    ClockEndpoint(EmulatorClock clock) {
        this.clock = clock;
    }

    OutgoingResponse answer(IncomingRequest request) throws JsonProcessingException {
        return switch (request.method()) {
            case "GET" -> reading(clock.read());
            case "HEAD" -> new OutgoingResponse(200, jsonHeaders(), ResponseBody.of(new byte[0]));
            case "POST" -> move(request);
            default -> {
                OutgoingResponse refused = error(405, "Method " + request.method() + " is not allowed on " + PATH
                        + "; use GET to read the clock or POST to move it");
                refused.headers().set("Allow", "GET, HEAD, POST");
                yield refused;
            }
        };
    }

    private OutgoingResponse move(IncomingRequest request) throws JsonProcessingException {
        JsonNode body;
        try {
            body = Json.READER.readTree(request.body().bytes(BODY_LIMIT));
        } catch (JsonProcessingException e) {
            return error(400, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return error(400, "The body cannot be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return error(400, "The body must be a JSON object: {\"advanceSeconds\": N} or {\"reset\": true}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return error(400, "Unknown field '" + name + "': expected advanceSeconds or reset");
            }
        }
        if (body.has("advanceSeconds") == body.has("reset")) {
            return error(400, "Give exactly one of advanceSeconds or reset");
        }
        if (body.has("reset")) {
            JsonNode reset = body.get("reset");
            return reset.isBoolean() && reset.booleanValue() ? reading(clock.reset())
                    : error(400, "reset must be true, not " + reset);
        }
        JsonNode seconds = body.get("advanceSeconds");
        if (!seconds.isIntegralNumber() || !seconds.canConvertToLong()
                || seconds.longValue() < 0 || seconds.longValue() > MAX_ADVANCE_SECONDS) {
            return error(400, "advanceSeconds must be a whole number of seconds from 0 to " + MAX_ADVANCE_SECONDS
                    + ", not " + seconds);
        }
        try {
            return reading(clock.advance(Duration.ofSeconds(seconds.longValue())));
        } catch (ArithmeticException e) {
            return error(400, "The clock cannot move that far ahead; reset it first");
        }
    }

    private static OutgoingResponse reading(EmulatorClock.Reading reading) throws JsonProcessingException {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("now", reading.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("offsetSeconds", reading.offset().getSeconds());
        return new OutgoingResponse(200, jsonHeaders(), ResponseBody.of(Json.MAPPER.writeValueAsBytes(body)));
    }

    private static OutgoingResponse error(int status, String message) throws JsonProcessingException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", message);
        return new OutgoingResponse(status, jsonHeaders(), ResponseBody.of(Json.MAPPER.writeValueAsBytes(body)));
    }

    private static Headers jsonHeaders() {
        return new Headers().set("Content-Type", "application/json");
    }

    /** Jackson loads on the first clock call, not at start-up; the reader refuses duplicate keys and trailing text. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final ObjectReader READER = MAPPER.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
