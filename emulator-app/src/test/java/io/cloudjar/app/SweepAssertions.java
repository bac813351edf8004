package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * What every answer to a malformed request must be, in the raw-HTTP sweeps: complete and within a bound
 * ({@link RawExchange}), never a 5xx, a body in the format its Content-Type names, and a server that goes on
 * answering afterwards.
 */
final class SweepAssertions {
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepAssertions() {
    }

    /**
     * Sends the request and checks the answer and the server's health after it.
     *
     * @param mayGoUnanswered a request whose body breaks off (the client shut its side): the server may close the
     *                        connection instead of answering, but never with a partial answer
     */
    static RawExchange.Response assertAnsweredSanely(int port, String name, RawRequest request, boolean mayGoUnanswered)
            throws Exception {
        RawExchange.Response response = RawExchange.exchange(port, request.bytes(), mayGoUnanswered, request.isHead(), BOUND);
        if (response == null) {
            assertThat(mayGoUnanswered).as("%s: the connection closed without an answer", name).isTrue();
        } else {
            assertWellFormed(name, response);
        }
        assertStillAnswering(port, name);
        return response;
    }

    static void assertWellFormed(String name, RawExchange.Response response) {
        String what = name + " → " + response.raw() + "\n" + response.text();
        assertThat(response.status()).as(what).isBetween(200, 499);
        if (response.body().length == 0) {
            return;
        }
        String type = response.header("Content-Type");
        assertThat(type).as("%s: a body without a Content-Type", what).isNotNull();
        if (type.contains("xml")) {
            assertThat(parsesAsXml(response.body())).as("%s: not well-formed XML", what).isTrue();
        } else if (type.contains("json")) {
            assertThat(parsesAsJson(response.body())).as("%s: not JSON", what).isTrue();
        }
    }

    static void assertStillAnswering(int port, String after) throws Exception {
        RawExchange.Response health = RawExchange.exchange(port,
                "GET /_cloudjar/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                false, false, BOUND);
        assertThat(health).as("server answers after %s", after).isNotNull();
        assertThat(health.status()).as("server healthy after %s", after).isEqualTo(200);
    }

    private static boolean parsesAsXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean parsesAsJson(byte[] body) {
        try {
            JSON.readTree(body);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
