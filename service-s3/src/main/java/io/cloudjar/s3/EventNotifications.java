package io.cloudjar.s3;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;

/**
 * S3 event notifications as they would be delivered (S3 User Guide, "Event message structure"): every event a
 * bucket's notification configuration selects (event name or its wildcard, key prefix/suffix filter) is recorded once
 * per matching destination (queue, topic, Lambda function, or EventBridge's default bus) with the message S3 would
 * send; {@link EventsEndpoint} lists them until SQS, SNS and Lambda exist here. A new configuration records the
 * {@code s3:TestEvent} S3 sends to each destination.
 */
final class EventNotifications {
    /** What a delivery holds: the destination's ARN and kind, the bucket, and the message body. */
    record Delivery(String destination, String destinationType, String bucket, Map<String, Object> message) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicLong sequencer = new AtomicLong(0x5F0000000000L);
    /** The deliveries as kept across restarts, numbered in the order recorded (nowhere without persistence). */
    private final DurableMap<Delivery> kept;

    EventNotifications(DurableMap<Delivery> kept) {
        this.kept = kept;
    }

    /** Reads the kept deliveries back, oldest first (start-up, a loaded snapshot). */
    void restore() {
        synchronized (deliveries) {
            kept.forEach("", (number, delivery) -> deliveries.add(delivery));
        }
    }

    /** Records an event about one version (ObjectCreated:Put, ObjectRemoved:DeleteMarkerCreated, ...). */
    void record(Bucket bucket, String eventName, StoredObject version, CallContext ctx, Instant at) {
        NotificationConfiguration config = bucket.setting(NotificationConfiguration.class);
        if (config == null) {
            return;
        }
        String principal = ctx == null ? "AmazonS3" : "AWS:" + ctx.principal().userId();
        String sourceIp = ctx == null ? "s3.amazonaws.com" : sourceIp(ctx);
        String requestId = ctx == null ? Long.toHexString(sequencer.get()).toUpperCase() : ctx.requestId();
        config.queueConfigurations().forEach(c -> deliver(bucket, eventName, version, c.queueArn(), "Queue", c.id(),
                c.eventsAsStrings(), c.filter(), principal, sourceIp, requestId, at));
        config.topicConfigurations().forEach(c -> deliver(bucket, eventName, version, c.topicArn(), "Topic", c.id(),
                c.eventsAsStrings(), c.filter(), principal, sourceIp, requestId, at));
        config.lambdaFunctionConfigurations().forEach(c -> deliver(bucket, eventName, version, c.lambdaFunctionArn(),
                "LambdaFunction", c.id(), c.eventsAsStrings(), c.filter(), principal, sourceIp, requestId, at));
        if (config.eventBridgeConfiguration() != null) {
            deliver(bucket, eventName, version, "arn:aws:events:" + bucket.region() + ":" + bucket.ownerAccount()
                    + ":event-bus/default", "EventBridge", null, List.of("s3:*"), null, principal, sourceIp, requestId, at);
        }
    }

    /** The events of a delete: a delete marker written, or a version (or an unversioned object) removed. */
    void removed(Bucket bucket, String key, StoredObject marker, StoredObject removedVersion, CallContext ctx, Instant at,
            String prefix) {
        if (marker != null) {
            record(bucket, prefix + ":DeleteMarkerCreated", marker, ctx, at);
        } else {
            record(bucket, prefix + ":Delete", removedVersion != null ? removedVersion
                    : StoredObject.deleteMarker(key, null, at, bucket.ownerAccount()), ctx, at);
        }
    }

    /** The test message S3 sends each destination of a new configuration. */
    void recordTestEvents(Bucket bucket, NotificationConfiguration config, String requestId, Instant at) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("Service", "Amazon S3");
        message.put("Event", "s3:TestEvent");
        message.put("Time", time(at));
        message.put("Bucket", bucket.name());
        message.put("RequestId", requestId);
        message.put("HostId", requestId);
        config.queueConfigurations().forEach(c -> add(new Delivery(c.queueArn(), "Queue", bucket.name(), message)));
        config.topicConfigurations().forEach(c -> add(new Delivery(c.topicArn(), "Topic", bucket.name(), message)));
    }

    /** Every delivery so far, oldest first, of one bucket or (null) of all. */
    List<Delivery> deliveries(String bucket) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> bucket == null || d.bucket().equals(bucket)).toList();
        }
    }

    void clear() {
        synchronized (deliveries) {
            deliveries.clear();
            kept.removeAll("");
        }
    }

    private void deliver(Bucket bucket, String eventName, StoredObject version, String destination, String type,
            String configurationId, List<String> events, NotificationConfigurationFilter filter, String principal,
            String sourceIp, String requestId, Instant at) {
        if (!selects(events, eventName) || !passes(filter, version.key())) {
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        // form-encoded as S3 sends keys (a space is "+"), slashes left as they are
        object.put("key", URLEncoder.encode(version.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        if (!eventName.startsWith("ObjectRemoved")) {
            object.put("size", version.size());
            if (version.etag() != null) {
                object.put("eTag", version.etag().replace("\"", ""));
            }
        }
        if (version.versionId() != null) {
            object.put("versionId", version.versionId());
        }
        object.put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        s3.put("bucket", Map.of("name", bucket.name(), "ownerIdentity", Map.of("principalId", bucket.ownerAccount()),
                "arn", "arn:aws:s3:::" + bucket.name()));
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", bucket.region());
        record.put("eventTime", time(at));
        record.put("eventName", eventName);
        record.put("userIdentity", Map.of("principalId", principal));
        record.put("requestParameters", Map.of("sourceIPAddress", sourceIp));
        record.put("responseElements", Map.of("x-amz-request-id", requestId, "x-amz-id-2", requestId));
        record.put("s3", s3);
        add(new Delivery(destination, type, bucket.name(), Map.of("Records", List.of(record))));
    }

    private void add(Delivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            kept.put(String.format("%012d", deliveries.size()), delivery);
        }
    }

    /** {@code s3:ObjectCreated:Put} is selected by itself and by {@code s3:ObjectCreated:*} (and EventBridge's all). */
    private static boolean selects(List<String> events, String eventName) {
        String full = "s3:" + eventName;
        for (String e : events) {
            if (e.equals(full) || e.equals("s3:*")
                    || e.endsWith(":*") && full.startsWith(e.substring(0, e.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean passes(NotificationConfigurationFilter filter, String key) {
        if (filter == null || filter.key() == null) {
            return true;
        }
        for (FilterRule rule : filter.key().filterRules()) {
            String name = rule.nameAsString() == null ? "" : rule.nameAsString().toLowerCase();
            if (name.equals("prefix") && !key.startsWith(rule.value())
                    || name.equals("suffix") && !key.endsWith(rule.value())) {
                return false;
            }
        }
        return true;
    }

    private static String sourceIp(CallContext ctx) {
        List<String> ip = ctx.conditionKeys().get("aws:SourceIp");
        return ip == null || ip.isEmpty() ? "127.0.0.1" : ip.get(0);
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}
