package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSON 1.1 as raw HTTP, without an SDK smoothing over the wire: error bodies and the body of a success. */
class WireTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unknownOperationIsUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("Lightsail_20161128.GetUnicorns", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.path("message").asText()).isNotEmpty();
    }

    @Test
    void malformedJsonIsSerializationException() throws Exception {
        HttpResponse<String> response = post("Lightsail_20161128.GetBundles", "{\"includeInactive\": tru");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("SerializationException");

        HttpResponse<String> wrongType = post("Lightsail_20161128.GetBundles", "{\"includeInactive\": \"yes\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void bundlesAndRegionsOnTheWire() throws Exception {
        HttpResponse<String> response = post("Lightsail_20161128.GetBundles", "");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode nano = null;
        for (JsonNode b : JSON.readTree(response.body()).path("bundles")) {
            if (b.path("bundleId").asText().equals("nano_ipv6_3_0")) {
                nano = b;
            }
        }
        assertThat(nano).isNotNull();
        assertThat(nano.path("price").isFloatingPointNumber()).isTrue();
        assertThat(nano.path("price").asDouble()).isEqualTo(3.5);
        assertThat(nano.path("ramSizeInGb").asDouble()).isEqualTo(0.5);
        assertThat(nano.path("isActive").asBoolean()).isTrue();
        assertThat(nano.path("publicIpv4AddressCount").isInt()).isTrue();
        assertThat(nano.path("supportedPlatforms").toString()).isEqualTo("[\"LINUX_UNIX\"]");
        assertThat(nano.path("supportedAppCategories").isArray()).isTrue();

        JsonNode regions = JSON.readTree(post("Lightsail_20161128.GetRegions", "{\"includeAvailabilityZones\":true}").body());
        JsonNode first = regions.path("regions").get(0);
        assertThat(first.path("name").asText()).isEqualTo("us-east-1");
        assertThat(first.path("availabilityZones").get(0).toString()).isEqualTo("{\"zoneName\":\"us-east-1a\",\"state\":\"available\"}");
        assertThat(first.path("relationalDatabaseAvailabilityZones").isArray()).isTrue();
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
