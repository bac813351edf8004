package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections that make no progress are ended (idle ones closed, stalled requests answered 400 RequestTimeout and
 * closed), while a slow but steady request is never cut off. The server's timeouts are set small here; the
 * assertions only wait, generously, for the server to act, never measure how fast it did.
 */
class ConnectionTimeoutsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("CLOUDJAR_IDLE_TIMEOUT_MS", "500")
            .withEnv("CLOUDJAR_IO_TIMEOUT_MS", "1500");

    /** How long the test waits for any answer or close: far beyond the timeouts, so only a hang fails. */
    private static final int PATIENCE_MILLIS = 20_000;

    /** An unsigned query-protocol call: the router reads its whole form body to find the API. */
    private static String formHead(int contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosed() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aKeepAliveConnectionIsClosedOnceIdle() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            assertThat(http.send("GET /_cloudjar/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aRequestHeadThatStopsArrivingIsAnsweredRequestTimeoutThenClosed() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            RawHttp.Response response = http.send("PUT /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le").read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>RequestTimeout</Code>");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnsweredRequestTimeoutThenClosed() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            RawHttp.Response response = http.send(formHead(100) + "Action=DescribeRegions&Ver").read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>RequestTimeout</Code>");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aSlowButSteadyBodyIsNotCutOff() throws Exception {
        String body = "Action=DescribeRegions&Version=2016-11-15&Padding=" + "a".repeat(10);
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            http.send(formHead(body.length()));
            for (char c : body.toCharArray()) { // 60 bytes, one per 100 ms: 6 s in all, 4 times the I/O timeout
                Thread.sleep(100);
                http.send(String.valueOf(c));
            }
            RawHttp.Response response = http.read();

            assertThat(response.body()).doesNotContain("RequestTimeout");
            assertThat(response.status()).as(response.body()).isEqualTo(501); // read whole and routed; no EC2 provider here
        }
    }
}
