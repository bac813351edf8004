package io.cloudjar.s3;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.spi.AnsweredCalls;
import io.cloudjar.s3.model.Bucket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;

/**
 * Server access log records (S3 User Guide, "Amazon S3 server access log format"): every S3 call that names a bucket
 * with logging enabled, answered or refused, becomes one log line in AWS's format, handed to {@link AccessLogDelivery},
 * which writes the lines into the target bucket as log objects.
 */
public final class ServerAccessLogs extends S3Feature implements AnsweredCalls {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    /** Operations whose resource type S3 names otherwise than its operation name suggests. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("GetObject", "OBJECT"), Map.entry("HeadObject", "OBJECT"), Map.entry("PutObject", "OBJECT"),
            Map.entry("DeleteObject", "OBJECT"), Map.entry("CopyObject", "OBJECT"), Map.entry("RestoreObject", "OBJECT"),
            Map.entry("ListObjects", "BUCKET"), Map.entry("ListObjectsV2", "BUCKET"), Map.entry("CreateBucket", "BUCKET"),
            Map.entry("DeleteBucket", "BUCKET"), Map.entry("HeadBucket", "BUCKET"), Map.entry("ListObjectVersions", "BUCKETVERSIONS"),
            Map.entry("DeleteObjects", "MULTI_OBJECT_DELETE"), Map.entry("CreateMultipartUpload", "UPLOADS"),
            Map.entry("ListMultipartUploads", "UPLOADS"), Map.entry("UploadPart", "PART"), Map.entry("UploadPartCopy", "PART"),
            Map.entry("CompleteMultipartUpload", "UPLOAD"), Map.entry("AbortMultipartUpload", "UPLOAD"),
            Map.entry("ListParts", "UPLOAD"), Map.entry("GetBucketLocation", "LOCATION"));

    @Override
    public void answered(Call call) {
        if (!"s3".equals(call.api())) {
            return;
        }
        Bucket bucket = bucketOf(call);
        LoggingEnabled logging = bucket == null ? null : bucket.setting(LoggingEnabled.class);
        if (logging == null) {
            return;
        }
        state.accessLogs().add(bucket, logging, line(bucket, call), state.clock().now());
    }

    private Bucket bucketOf(Call call) {
        String name = member(call.input(), "Bucket");
        if (name == null) {
            name = member(call.input(), "DestinationBucket");
        }
        if (name == null) {
            name = call.virtualHostBucket();
        }
        if (name == null) {
            String path = call.uri().split("\\?", 2)[0];
            String[] segments = path.split("/", 3);
            name = segments.length > 1 ? URLDecoder.decode(segments[1], StandardCharsets.UTF_8) : null;
        }
        return name == null || name.isEmpty() ? null : state.named(name);
    }

    private String line(Bucket bucket, Call call) {
        String key = member(call.input(), "Key");
        if (key == null) {
            key = member(call.input(), "DestinationKey");
        }
        Principal who = call.principal();
        boolean anonymous = who == null || who.isAnonymous();
        long millis = Math.max(0, Duration.between(call.receivedAt(), state.clock().now()).toMillis());
        return String.join(" ",
                CanonicalIds.of(bucket.ownerAccount()),
                bucket.name(),
                "[" + TIME.format(call.receivedAt()) + "]",
                dash(call.remoteAddress()),
                anonymous ? "-" : who.arn(),
                call.requestId(),
                "REST." + call.method() + "." + type(call.operation()),
                key == null ? "-" : URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"),
                quoted(call.method() + " " + call.uri() + " HTTP/1.1"),
                Integer.toString(call.status()),
                dash(call.errorCode()),
                call.bytesSent() > 0 ? Long.toString(call.bytesSent()) : "-",
                objectSize(bucket, key, call),
                Long.toString(millis),
                Long.toString(millis),
                quoted(dash(call.referer())),
                quoted(dash(call.userAgent())),
                dash(versionId(call)),
                call.requestId(),
                anonymous ? "-" : "SigV4",
                "-",
                anonymous ? "-" : call.signedInHeader() ? "AuthHeader" : "QueryString",
                dash(call.host()),
                "-",
                "-",
                "-");
    }

    /** REST.GET.OBJECT, REST.PUT.VERSIONING, REST.GET.OBJECT_TAGGING, ...: the resource type an operation acts on. */
    static String type(String operation) {
        if (operation == null) {
            return "UNKNOWN";
        }
        String known = TYPES.get(operation);
        if (known != null) {
            return known;
        }
        String rest = operation.replaceFirst("^(Get|Put|Delete|List)", "");
        boolean object = rest.startsWith("Object");
        rest = rest.replaceFirst("^(Bucket|Object)", "").replaceFirst("Configurations?$", "");
        return (object ? "OBJECT_" : "") + rest.toUpperCase(Locale.ROOT);
    }

    private static String objectSize(Bucket bucket, String key, Call call) {
        if (key == null || call.status() >= 300) {
            return "-";
        }
        var latest = bucket.latest(key);
        return latest == null || latest.deleteMarker() ? "-" : Long.toString(latest.size());
    }

    private static String versionId(Call call) {
        return member(call.input(), "VersionId");
    }

    private static String member(Object input, String name) {
        return input instanceof SdkPojo pojo && ModelClasses.member(pojo, name) instanceof String value ? value : null;
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\\\"") + "\"";
    }
}
