package io.cloudjar.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.util.HttpDates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /_cloudjar/clock} over HTTP, as curl and the scripted tests use it, on a clock fixed at {@link #BASE}. */
class ClockEndpointTest {
    static final Instant BASE = Instant.parse("2024-03-05T06:07:08Z");

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.fixed(BASE, ZoneOffset.UTC));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void backToTheBase() {
        cloudjar.clock().reset();
    }

    private static HttpResponse<String> send(String method, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/_cloudjar/clock"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void getReadsTheClockAndPostMovesItForwardOrResetsIt() throws Exception {
        HttpResponse<String> read = send("GET", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"now\":\"2024-03-05T06:07:08Z\",\"offsetSeconds\":0}");

        HttpResponse<String> moved = send("POST", "{\"advanceSeconds\": 90}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json(moved).path("now").asText()).isEqualTo("2024-03-05T06:08:38Z");
        assertThat(json(moved).path("offsetSeconds").asLong()).isEqualTo(90);
        assertThat(json(send("POST", "{\"advanceSeconds\": 0}")).path("offsetSeconds").asLong()).isEqualTo(90);
        assertThat(json(send("GET", null)).path("now").asText()).isEqualTo("2024-03-05T06:08:38Z");
        assertThat(cloudjar.clock().now()).isEqualTo(BASE.plusSeconds(90));

        HttpResponse<String> reset = send("POST", "{\"reset\": true}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"now\":\"2024-03-05T06:07:08Z\",\"offsetSeconds\":0}");

        HttpResponse<String> head = send("HEAD", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theDateHeaderIsTheEmulatorsTime() throws Exception {
        send("POST", "{\"advanceSeconds\": 86400}");
        assertThat(send("GET", null).headers().firstValue("Date")).hasValue(HttpDates.format(BASE.plus(Duration.ofDays(1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"advanceSeconds\": -1}", "{\"advanceSeconds\": 1.5}", "{\"advanceSeconds\": 1e3}", "{\"advanceSeconds\": \"10\"}",
        "{\"advanceSeconds\": null}", "{\"advanceSeconds\": 99999999999999999999999}", "{\"advanceSeconds\": 3162240001}",
        "{}", "{\"reset\": true, \"advanceSeconds\": 1}", "{\"reset\": false}", "{\"reset\": \"true\"}",
        "{\"advanceSecs\": 1}", "{\"advanceSeconds\": 1, \"by\": \"me\"}", "{\"advanceSeconds\": 1, \"advanceSeconds\": 2}",
        "not json", "{\"advanceSeconds\": 1", "{\"advanceSeconds\": 1} {}", "[1]", "null", "1", ""})
    void badBodiesAreA400WithAJsonErrorAndLeaveTheClockAlone(String body) throws Exception {
        HttpResponse<String> refused = send("POST", body);
        assertThat(refused.statusCode()).as(body).isEqualTo(400);
        assertThat(json(refused).path("error").asText()).as(body).isNotBlank();
        assertThat(cloudjar.clock().now()).isEqualTo(BASE);
    }

    @Test
    void errorsSayWhatIsWrong() throws Exception {
        assertThat(json(send("POST", "{\"advanceSeconds\": -5}")).path("error").asText())
                .isEqualTo("advanceSeconds must be a whole number of seconds from 0 to 3162240000, not -5");
        assertThat(json(send("POST", "{\"reset\": true, \"advanceSeconds\": 1}")).path("error").asText())
                .isEqualTo("Give exactly one of advanceSeconds or reset");
        assertThat(json(send("POST", "{\"advanceSecs\": 1}")).path("error").asText())
                .isEqualTo("Unknown field 'advanceSecs': expected advanceSeconds or reset");
        assertThat(json(send("POST", "oops")).path("error").asText()).startsWith("The body is not valid JSON: ");
        assertThat(json(send("POST", "x".repeat(5000))).path("error").asText()).startsWith("The body cannot be read: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAreA405(String method) throws Exception {
        HttpResponse<String> refused = send(method, "{\"advanceSeconds\": 1}");
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(json(refused).path("error").asText()).startsWith("Method " + method + " is not allowed");
        assertThat(cloudjar.clock().now()).isEqualTo(BASE);
    }
}
