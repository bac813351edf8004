package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests the server cannot take as they are: a header section over 8 KB (S3's limit) is 400
 * RequestHeaderSectionTooLarge, a body whose HTTP chunking breaks is a body that broke off; both close the connection.
 */
class MalformedRequestsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static String request(int headerBytes) {
        return "GET /_cloudjar/health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-amz-meta-pad: " + "a".repeat(headerBytes) + "\r\n\r\n";
    }

    @Test
    void moreThanEightKilobytesOfHeadersIsRequestHeaderSectionTooLarge() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), 30_000)) {
            RawHttp.Response response = http.send(request(9 * 1024)).read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>RequestHeaderSectionTooLarge</Code>");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void sevenKilobytesOfHeadersAreServed() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), 30_000)) {
            assertThat(http.send(request(7 * 1024)).read().status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyWithAMalformedChunkBrokeOffAndTheConnectionCloses() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), 30_000)) {
            RawHttp.Response response = http.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "e\r\nAction=DescribeR\r\nzz\r\negions\r\n0\r\n\r\n").read();

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>IncompleteBody</Code>");
            assertThat(http.closedByServer()).isTrue();
        }
    }
}
