package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.Operation;

/**
 * What the Lightsail test classes share, each with its own server and client: an instance made the usual way (zone
 * us-east-1a), read back, and Cloudjar's own endpoints under {@code /_cloudjar/lightsail/}.
 */
final class LightsailTestKit {
    private LightsailTestKit() {
    }

    static Operation createInstance(LightsailClient lightsail, String name, String blueprint, String bundle) {
        return lightsail.createInstances(r -> r.instanceNames(name).availabilityZone("us-east-1a")
                .blueprintId(blueprint).bundleId(bundle)).operations().get(0);
    }

    static Instance instance(LightsailClient lightsail, String name) {
        return lightsail.getInstance(r -> r.instanceName(name)).instance();
    }

    /** A plain HTTP call to the server ({@code path} from the root, with its query). */
    static HttpResponse<String> http(CloudjarServerExtension cloudjar, String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200, as JSON. */
    static JsonNode getJson(CloudjarServerExtension cloudjar, String path) throws Exception {
        HttpResponse<String> response = http(cloudjar, "GET", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** Moves the emulator clock to the next five-minute boundary (unless on one) and answers it: metric periods start there. */
    static Instant atFiveMinuteBoundary(CloudjarServerExtension cloudjar) {
        long into = cloudjar.clock().now().getEpochSecond() % 300;
        cloudjar.advanceClock(Duration.ofSeconds(into == 0 ? 0 : 300 - into));
        return cloudjar.clock().now();
    }

    /**
     * A managed database once its transition is over: the emulator clock moved past it, then (wall clock) until the
     * real server behind it serves.
     */
    static software.amazon.awssdk.services.lightsail.model.RelationalDatabase availableDatabase(
            LightsailClient lightsail, CloudjarServerExtension cloudjar, String name) throws InterruptedException {
        cloudjar.advanceClock(java.time.Duration.ofSeconds(5));
        for (int i = 0; i < 1800; i++) {
            var db = lightsail.getRelationalDatabase(r -> r.relationalDatabaseName(name)).relationalDatabase();
            if (!java.util.Set.of("creating", "starting", "rebooting").contains(db.state())) {
                assertThat(db.state()).isEqualTo("available");
                return db;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never became available");
    }
}
