package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/** Event notifications recorded as S3 would deliver them, read back at /_cloudjar/s3/events. */
class EventNotificationsTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:uploads";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:removals";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forgetEarlierEvents() throws Exception {
        assertThat(send("DELETE", "/_cloudjar/s3/events").statusCode()).isEqualTo(204);
    }

    @Test
    void selectedEventsAreRecordedWithS3sMessagePerDestination() throws Exception {
        s3.createBucket(b -> b.bucket("ev-photos"));
        s3.putBucketVersioning(r -> r.bucket("ev-photos").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketNotificationConfiguration(r -> r.bucket("ev-photos").notificationConfiguration(c -> c
                .queueConfigurations(QueueConfiguration.builder().id("new-jpgs").queueArn(QUEUE).events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(fr -> fr.name(FilterRuleName.PREFIX).value("images/"),
                                fr -> fr.name(FilterRuleName.SUFFIX).value(".jpg")))).build())
                .topicConfigurations(TopicConfiguration.builder().id("gone").topicArn(TOPIC)
                        .eventsWithStrings("s3:ObjectRemoved:*").build())));
        JsonNode tests = events("ev-photos");
        assertThat(tests).hasSize(2);
        assertThat(tests.get(0).path("Message").path("Event").asText()).isEqualTo("s3:TestEvent");
        send("DELETE", "/_cloudjar/s3/events");

        String version = s3.putObject(r -> r.bucket("ev-photos").key("images/cat 1.jpg"), RequestBody.fromString("meow"))
                .versionId();
        s3.putObject(r -> r.bucket("ev-photos").key("images/cat.png"), RequestBody.fromString("png"));
        s3.copyObject(r -> r.sourceBucket("ev-photos").sourceKey("images/cat 1.jpg").destinationBucket("ev-photos")
                .destinationKey("images/copy.jpg"));
        s3.deleteObject(r -> r.bucket("ev-photos").key("images/cat.png"));

        JsonNode events = events("ev-photos");
        assertThat(names(events)).containsExactly("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:DeleteMarkerCreated");
        JsonNode put = events.get(0);
        assertThat(put.path("Destination").asText()).isEqualTo(QUEUE);
        assertThat(put.path("DestinationType").asText()).isEqualTo("Queue");
        JsonNode record = put.path("Message").path("Records").get(0);
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("s3").path("configurationId").asText()).isEqualTo("new-jpgs");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo("ev-photos");
        assertThat(record.path("s3").path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::ev-photos");
        JsonNode object = record.path("s3").path("object");
        assertThat(object.path("key").asText()).isEqualTo("images/cat+1.jpg");
        assertThat(object.path("size").asLong()).isEqualTo(4);
        assertThat(object.path("eTag").asText()).isEqualTo("4a4be40c96ac6314e91d93f38043a634");
        assertThat(object.path("versionId").asText()).isEqualTo(version);
        assertThat(events.get(2).path("Destination").asText()).isEqualTo(TOPIC);
        assertThat(events("another-bucket")).isEmpty();
    }

    @Test
    void lifecycleExpirationsAreEventsToo() throws Exception {
        s3.createBucket(b -> b.bucket("ev-lifecycle"));
        s3.putBucketNotificationConfiguration(r -> r.bucket("ev-lifecycle").notificationConfiguration(c -> c
                .eventBridgeConfiguration(e -> { })));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("ev-lifecycle").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("x").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("")).expiration(e -> e.days(1)).build())));
        s3.putObject(r -> r.bucket("ev-lifecycle").key("old"), RequestBody.fromString("o"));
        cloudjar.advanceClock(Duration.ofDays(2));
        s3.listObjectsV2(r -> r.bucket("ev-lifecycle"));

        JsonNode events = events("ev-lifecycle");
        assertThat(names(events)).containsExactly("ObjectCreated:Put", "LifecycleExpiration:Delete");
        assertThat(events.get(1).path("Destination").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
        assertThat(events.get(1).path("Message").path("Records").get(0).path("userIdentity").path("principalId").asText())
                .isEqualTo("AmazonS3");
    }

    private JsonNode events(String bucket) throws Exception {
        HttpResponse<String> response = send("GET", "/_cloudjar/s3/events?bucket=" + bucket);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("Events");
    }

    private static List<String> names(JsonNode events) {
        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.path("Message").path("Records").get(0).path("eventName").asText()));
        return names;
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
