package io.cloudjar.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.RequestBody;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class CrossSiteTest {
    private final ServedHosts defaults = ServedHosts.of(EmulatorConfig.forTests());

    @Test
    void aPageIsForeignByItsOriginOrItsFetchSite() {
        assertThat(CrossSite.isForeign(request("localhost:4566"), defaults)).isFalse();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Origin", "http://evil.example"), defaults)).isTrue();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Origin", "null"), defaults)).isTrue();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Origin", "http://user@localhost"), defaults)).isTrue();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Origin", "http://localhost:3000"), defaults)).isFalse();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Origin", "https://[::1]:8443"), defaults)).isFalse();
        assertThat(CrossSite.isForeign(request("192.168.1.5:4566", "Origin", "http://192.168.1.5:4566"), defaults))
                .as("a page this very server served").isFalse();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Sec-Fetch-Site", "cross-site"), defaults)).isTrue();
        assertThat(CrossSite.isForeign(request("localhost:4566", "Sec-Fetch-Site", "same-origin"), defaults)).isFalse();
    }

    private static IncomingRequest request(String host, String... headerPairs) {
        Headers headers = new Headers();
        headers.add("Host", host);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new IncomingRequest("POST", "/", headers, RequestBody.of(new byte[0]), new InetSocketAddress("127.0.0.1", 40000));
    }
}
