package io.cloudjar.s3;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;

/**
 * Delivers server access log lines as log objects into each logging bucket's target bucket, on the emulator clock: the
 * lines of a source bucket are batched, and a batch is written once a minute of emulator time has passed since its
 * first line, at the next S3 call (S3 itself delivers within hours, best effort). Object keys follow the target's key
 * format: {@code <prefix>YYYY-mm-DD-HH-MM-SS-<unique>} (SimplePrefix), or with PartitionedPrefix {@code <prefix><account>/
 * <region>/<bucket>/YYYY/MM/DD/YYYY-MM-DD-hh-mm-ss-<unique>} by event or delivery time.
 */
final class AccessLogDelivery {
    private static final Logger log = LoggerFactory.getLogger(AccessLogDelivery.class);
    private static final Duration BATCH = Duration.ofMinutes(1);
    private static final DateTimeFormatter SIMPLE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy/MM/dd/").withZone(ZoneOffset.UTC);

    private final S3State state;
    /** Pending lines by source bucket, with the configuration they were logged under and the first line's time. */
    private final Map<Bucket, Batch> batches = new LinkedHashMap<>();
    /** The pending batches as kept across restarts, by source bucket name (nowhere without persistence). */
    private final DurableMap<Batch> kept;

    /** The lines logged under one source bucket's logging configuration since {@code first}. */
    static final class Batch {
        final LoggingEnabled logging;
        final Instant first;
        final List<String> lines = new ArrayList<>();

        Batch(LoggingEnabled logging, Instant first) {
            this.logging = logging;
            this.first = first;
        }
    }

    AccessLogDelivery(S3State state, DurableMap<Batch> kept) {
        this.state = state;
        this.kept = kept;
    }

    /** Reads the kept batches back for the buckets that exist (start-up, a loaded snapshot): delivered when due. */
    void restore(java.util.function.Function<String, Bucket> bucketNamed) {
        synchronized (batches) {
            kept.forEach("", (name, batch) -> {
                Bucket source = bucketNamed.apply(name);
                if (source != null) {
                    batches.put(source, batch);
                }
            });
        }
    }

    void add(Bucket source, LoggingEnabled logging, String line, Instant at) {
        synchronized (batches) {
            Batch batch = batches.computeIfAbsent(source, b -> new Batch(logging, at));
            batch.lines.add(line);
            kept.put(source.name(), batch);
        }
    }

    /** Writes every batch whose minute has passed; cheap when none is pending. */
    void deliverDue() {
        List<Map.Entry<Bucket, Batch>> due = new ArrayList<>();
        Instant now = state.clock().now();
        synchronized (batches) {
            if (batches.isEmpty()) {
                return;
            }
            batches.entrySet().removeIf(e -> {
                if (now.isBefore(e.getValue().first.plus(BATCH))) {
                    return false;
                }
                due.add(e);
                kept.remove(e.getKey().name());
                return true;
            });
        }
        due.forEach(e -> write(e.getKey(), e.getValue(), now));
    }

    void clear() {
        synchronized (batches) {
            batches.clear();
            kept.removeAll("");
        }
    }

    private void write(Bucket source, Batch batch, Instant now) {
        Bucket target = state.named(batch.logging.targetBucket());
        if (target == null) {
            return; // the target went away: S3 drops the logs too
        }
        byte[] body = (String.join("\n", batch.lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            WrittenBlob blob = state.blobs().write(new ByteArrayInputStream(body), ChecksumAlgorithms.CRC64NVME);
            StoredObject object = new StoredObject(key(source, batch, now), VersionIds.next(target), false, blob.path(),
                    blob.size(), BodyWriter.etag(blob.md5()), now, new ObjectMetadata("text/plain", null, null, null, null,
                    null, null, null, null), ChecksumAlgorithms.CRC64NVME.name(), blob.checksum(), "FULL_OBJECT", null, null,
                    target.ownerAccount(), null);
            new VersionedWrites(state).commit(target, object, WriteConditions.NONE);
        } catch (IOException | RuntimeException e) {
            log.debug("access logs of {} not delivered to {}", source.name(), target.name(), e);
        }
    }

    private static String key(Bucket source, Batch batch, Instant now) {
        String prefix = batch.logging.targetPrefix() == null ? "" : batch.logging.targetPrefix();
        String unique = HexFormat.of().withUpperCase().toHexDigits(io.cloudjar.core.util.Ids.random().nextLong());
        var format = batch.logging.targetObjectKeyFormat();
        if (format != null && format.partitionedPrefix() != null) {
            Instant at = "EventTime".equals(format.partitionedPrefix().partitionDateSourceAsString()) ? batch.first : now;
            return prefix + source.ownerAccount() + "/" + source.region() + "/" + source.name() + "/" + DAYS.format(at)
                    + SIMPLE.format(at) + "-" + unique;
        }
        return prefix + SIMPLE.format(now) + "-" + unique;
    }
}
