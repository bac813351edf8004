package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectMetadata;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ReplicationStatus;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Live replication (S3 User Guide, "Replicating objects"). A new version written by a call to a bucket with versioning
 * and a replication configuration is PENDING for the enabled rules whose filter it matches (per destination, the rule
 * of highest priority); a delete marker is queued only where DeleteMarkerReplication is Enabled (never for tag-filtered
 * rules). The copy happens on the emulator clock: at the first S3 call after the clock has moved past the write (with
 * the wall clock, the next call; under a frozen test clock, once it is advanced). The replica keeps the version id,
 * Last-Modified, metadata, tags and body, lands in the destination bucket whatever its region or account, and reads
 * REPLICA; the source version then reads COMPLETED, or FAILED when a destination is gone, not versioned, or blocks
 * SSE-C for an SSE-C version. Replicas
 * and lifecycle actions are not replicated again. The configuration's IAM role is not evaluated.
 */
final class Replication {
    private static final Logger log = LoggerFactory.getLogger(Replication.class);
    private static final String BUCKET_ARN = "arn:aws:s3:::";

    private final S3State state;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    /** One version to copy to the destinations named by ARN, due once the clock is past {@code writtenAt}. */
    private record Pending(Bucket source, String key, String versionId, boolean deleteMarker, List<ReplicationRule> rules,
            Instant writtenAt) {
    }

    Replication(S3State state) {
        this.state = state;
    }

    /** Called after a version landed in {@code bucket} through a call: queues it when a rule covers it. */
    void written(Bucket bucket, StoredObject version) {
        ReplicationConfiguration config = bucket.setting(ReplicationConfiguration.class);
        if (config == null || bucket.versioning() != Bucket.Versioning.ENABLED || version.versionId() == null) {
            return;
        }
        List<ReplicationRule> rules = rulesFor(config, version);
        if (rules.isEmpty()) {
            return;
        }
        if (!version.deleteMarker()) {
            bucket.versionSettings(ReplicationStatus.class).put(version.blob(), ReplicationStatus.PENDING);
        }
        queue.add(new Pending(bucket, version.key(), version.versionId(), version.deleteMarker(), rules, version.lastModified()));
    }

    /** Copies every queued version whose time has come; cheap when nothing is queued. */
    void runDue() {
        if (queue.isEmpty()) {
            return;
        }
        Instant now = state.clock().now();
        for (Pending p; (p = queue.peek()) != null && now.isAfter(p.writtenAt()); ) {
            if (queue.remove(p)) {
                replicate(p);
            }
        }
    }

    /** A reset forgets what was queued with the buckets. */
    void clear() {
        queue.clear();
    }

    private void replicate(Pending p) {
        StoredObject version = p.source().objects().containsKey(p.key()) ? p.source().objects().get(p.key()).version(p.versionId()) : null;
        if (version == null || state.named(p.source().name()) != p.source()) {
            return; // removed meanwhile: nothing left to copy
        }
        boolean failed = false;
        for (ReplicationRule rule : p.rules()) {
            Bucket destination = state.named(rule.destination().bucket().substring(BUCKET_ARN.length()));
            if (destination == null || destination.versioning() != Bucket.Versioning.ENABLED
                    || ServerSideEncryptions.of(p.source(), version).customerKey() && EncryptionProvider.blocksCustomerKeys(destination)) {
                failed = true; // gone, unversioned, or refusing SSE-C objects as S3's blocked buckets refuse replicas
                continue;
            }
            try {
                copy(p.source(), version, rule, destination);
            } catch (IOException | Bucket.BucketDeletedException e) {
                log.debug("replication of {}/{} to {} failed", p.source().name(), p.key(), destination.name(), e);
                failed = true;
            }
        }
        if (!version.deleteMarker()) {
            p.source().versionSettings(ReplicationStatus.class).put(version.blob(),
                    failed ? ReplicationStatus.FAILED : ReplicationStatus.COMPLETED);
        }
    }

    private void copy(Bucket source, StoredObject version, ReplicationRule rule, Bucket destination) throws IOException {
        StoredObject replica;
        if (version.deleteMarker()) {
            replica = version;
        } else {
            WrittenBlob blob;
            try (FileChannel body = state.blobs().open(version.blob())) {
                blob = state.blobs().copy(body, 0, version.size(), ChecksumAlgorithms.fromName(version.checksumAlgorithm()), false);
            }
            ObjectMetadata metadata = rule.destination().storageClass() == null ? version.metadata()
                    : version.metadata().withStorageClass(rule.destination().storageClassAsString(),
                            version.metadata().websiteRedirectLocation());
            String owner = rule.destination().accessControlTranslation() != null ? destination.ownerAccount() : version.ownerAccount();
            replica = new StoredObject(version.key(), version.versionId(), false, blob.path(), version.size(), version.etag(),
                    version.lastModified(), metadata, version.checksumAlgorithm(), version.checksum(), version.checksumType(),
                    version.parts(), version.tags(), owner, null);
            destination.versionSettings(ReplicationStatus.class).put(blob.path(), ReplicationStatus.REPLICA);
            ServerSideEncryptions.remember(destination, blob.path(), ServerSideEncryptions.of(source, version));
        }
        StoredObject displaced;
        try {
            displaced = destination.edit(version.key(), versions -> versions.push(replica));
        } catch (Bucket.BucketDeletedException e) {
            if (replica.blob() != null) {
                state.blobs().delete(replica.blob());
            }
            throw e;
        }
        if (displaced != null && displaced.blob() != null) { // replicated again (same version id)
            destination.forget(displaced.blob());
            state.blobs().delete(displaced.blob());
        }
    }

    /** Per destination, the enabled rule of highest priority whose filter covers the version. */
    private static List<ReplicationRule> rulesFor(ReplicationConfiguration config, StoredObject version) {
        Map<String, ReplicationRule> byDestination = new LinkedHashMap<>();
        config.rules().stream()
                .filter(r -> r.status() == ReplicationRuleStatus.ENABLED && covers(r, version))
                .sorted(Comparator.comparing((ReplicationRule r) -> r.priority() == null ? 0 : r.priority()).reversed())
                .forEach(r -> byDestination.putIfAbsent(r.destination().bucket(), r));
        return new ArrayList<>(byDestination.values());
    }

    private static boolean covers(ReplicationRule rule, StoredObject version) {
        ReplicationRuleFilter f = rule.filter();
        if (f == null) { // the first schema: a prefix, and delete markers always replicated
            return version.key().startsWith(rule.prefix() == null ? "" : rule.prefix());
        }
        List<Tag> tags = f.tag() != null ? List.of(f.tag()) : f.and() != null ? f.and().tags() : List.of();
        String prefix = f.prefix() != null ? f.prefix() : f.and() != null ? f.and().prefix() : null;
        if (prefix != null && !version.key().startsWith(prefix)) {
            return false;
        }
        if (version.deleteMarker()) {
            return tags.isEmpty() && rule.deleteMarkerReplication() != null
                    && rule.deleteMarkerReplication().status() == DeleteMarkerReplicationStatus.ENABLED;
        }
        return tags.stream().allMatch(t -> t.value() != null && t.value().equals(version.tags().get(t.key())));
    }
}
