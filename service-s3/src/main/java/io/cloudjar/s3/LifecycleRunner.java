package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.model.ObjectVersions;
import io.cloudjar.s3.model.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHold;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Runs a bucket's lifecycle rules on the emulator clock, when the bucket is next used (timed states are computed when
 * read, never scheduled), at most once per minute of emulator time. Every action is due at the midnight UTC after
 * its age passes the rule's days (or on its date): current versions expire (removed, or hidden under a delete marker
 * in a versioned bucket) and transition down the storage class waterfall; noncurrent versions expire or transition
 * NoncurrentDays after they stopped being current, keeping the NewerNoncurrentVersions newest; a delete marker left
 * alone goes with ExpiredObjectDeleteMarker (or once old enough for the rule's Expiration days); incomplete multipart
 * uploads are aborted DaysAfterInitiation. Prefix, tag and size filters apply; locked versions are never removed.
 */
final class LifecycleRunner {
    private static final Duration EVERY = Duration.ofMinutes(1);
    /** S3's default transition minimum (all_storage_classes_128K): smaller objects stay where they are. */
    private static final long MINIMUM_TRANSITION_SIZE = 128 * 1024;

    private final S3State state;
    private final Map<Bucket, Instant> lastRun = Collections.synchronizedMap(new WeakHashMap<>());

    LifecycleRunner(S3State state) {
        this.state = state;
    }

    void runIfDue(Bucket bucket) {
        BucketLifecycleConfiguration config = bucket.setting(BucketLifecycleConfiguration.class);
        if (config == null) {
            return;
        }
        Instant now = state.clock().now();
        synchronized (lastRun) {
            Instant last = lastRun.get(bucket);
            if (last != null && now.isBefore(last.plus(EVERY))) {
                return;
            }
            lastRun.put(bucket, now);
        }
        LifecycleProvider.MinimumTransitionSize minimum = bucket.setting(LifecycleProvider.MinimumTransitionSize.class);
        boolean smallToArchive = minimum != null && "varies_by_storage_class".equals(minimum.value());
        VersionedWrites writes = VersionedWrites.unreplicated(state);
        for (LifecycleRule rule : config.rules()) {
            if (rule.status() == ExpirationStatus.ENABLED) {
                try {
                    new RuleRun(bucket, rule, now, writes, smallToArchive).run();
                } catch (Bucket.BucketDeletedException e) {
                    return; // deleted or reset meanwhile: nothing left to do
                }
            }
        }
    }

    /** One rule applied to the bucket's keys under its prefix and to its incomplete uploads. */
    private final class RuleRun {
        private final Bucket bucket;
        private final LifecycleRule rule;
        private final Instant now;
        private final VersionedWrites writes;
        private final boolean smallToArchive;

        RuleRun(Bucket bucket, LifecycleRule rule, Instant now, VersionedWrites writes, boolean smallToArchive) {
            this.bucket = bucket;
            this.rule = rule;
            this.now = now;
            this.writes = writes;
            this.smallToArchive = smallToArchive;
        }

        void run() {
            String prefix = LifecycleFilters.prefix(rule);
            for (String key : bucket.objects().tailMap(prefix).keySet()) {
                if (!key.startsWith(prefix)) {
                    break;
                }
                expireCurrent(key);
                transitionCurrent(key);
                noncurrent(key);
                removeLoneDeleteMarker(key);
            }
            if (rule.abortIncompleteMultipartUpload() != null && rule.abortIncompleteMultipartUpload().daysAfterInitiation() != null) {
                int days = rule.abortIncompleteMultipartUpload().daysAfterInitiation();
                for (MultipartUpload upload : bucket.uploads().values()) {
                    if (upload.key().startsWith(prefix) && !now.isBefore(midnightAfter(upload.initiated(), days))) {
                        MultipartProvider.discard(state, bucket, upload);
                    }
                }
            }
        }

        private void expireCurrent(String key) {
            StoredObject latest = bucket.latest(key);
            if (rule.expiration() == null || latest == null || latest.deleteMarker() || !LifecycleFilters.matches(rule, latest)
                    || !due(rule.expiration().date(), rule.expiration().days(), latest.lastModified())) {
                return;
            }
            if (bucket.versioning() != null || !locked(latest)) {
                StoredObject marker = writes.deleteLatest(bucket, key, bucket.ownerAccount());
                state.events().removed(bucket, key, marker, latest, null, now, "LifecycleExpiration");
            }
        }

        private void transitionCurrent(String key) {
            StoredObject latest = bucket.latest(key);
            if (latest == null || latest.deleteMarker() || !LifecycleFilters.matches(rule, latest)) {
                return;
            }
            String target = null;
            for (Transition t : rule.transitions()) {
                if (due(t.date(), t.days(), latest.lastModified()) && eligible(latest, t.storageClassAsString())
                        && (target == null || StorageClasses.transitionsDown(target, t.storageClassAsString()))) {
                    target = t.storageClassAsString();
                }
            }
            moveTo(latest, target);
        }

        private void noncurrent(String key) {
            NoncurrentVersionExpiration expiration = rule.noncurrentVersionExpiration();
            List<StoredObject> versions = versions(key);
            int newer = 0; // noncurrent versions newer than the one at hand
            for (int i = 1; i < versions.size(); i++) {
                StoredObject old = versions.get(i);
                if (old.deleteMarker()) {
                    continue;
                }
                Instant noncurrentSince = versions.get(i - 1).lastModified();
                int rank = newer++;
                if (!LifecycleFilters.matches(rule, old)) {
                    continue;
                }
                if (expiration != null && expiration.noncurrentDays() != null && rank >= keep(expiration.newerNoncurrentVersions())
                        && due(null, expiration.noncurrentDays(), noncurrentSince) && !locked(old)) {
                    state.events().removed(bucket, key, null, writes.deleteVersion(bucket, key, old.versionId()), null, now,
                            "LifecycleExpiration");
                    continue;
                }
                String target = null;
                for (NoncurrentVersionTransition t : rule.noncurrentVersionTransitions()) {
                    if (rank >= keep(t.newerNoncurrentVersions()) && due(null, t.noncurrentDays(), noncurrentSince)
                            && eligible(old, t.storageClassAsString())
                            && (target == null || StorageClasses.transitionsDown(target, t.storageClassAsString()))) {
                        target = t.storageClassAsString();
                    }
                }
                moveTo(old, target);
            }
        }

        /** An expired object delete marker: the only version left. Expiration by days also removes it once old enough. */
        private void removeLoneDeleteMarker(String key) {
            List<StoredObject> versions = versions(key);
            if (rule.expiration() == null || versions.size() != 1 || !versions.get(0).deleteMarker()) {
                return;
            }
            StoredObject marker = versions.get(0);
            if (Boolean.TRUE.equals(rule.expiration().expiredObjectDeleteMarker())
                    || rule.expiration().days() != null && due(null, rule.expiration().days(), marker.lastModified())) {
                state.events().removed(bucket, key, null, writes.deleteVersion(bucket, key, marker.versionId()), null, now,
                        "LifecycleExpiration");
            }
        }

        private List<StoredObject> versions(String key) {
            ObjectVersions versions = bucket.objects().get(key);
            return versions == null ? List.of() : versions.all();
        }

        /** Objects under the bucket's transition minimum move only where the rule or the bucket's choice allows. */
        private boolean eligible(StoredObject object, String storageClass) {
            return object.size() >= MINIMUM_TRANSITION_SIZE || LifecycleFilters.namesMinimumSize(rule)
                    || smallToArchive && StorageClasses.isArchiveClass(storageClass);
        }

        private void moveTo(StoredObject version, String storageClass) {
            if (storageClass == null || !StorageClasses.transitionsDown(version.metadata().storageClass(), storageClass)) {
                return;
            }
            if (bucket.edit(version.key(), versions -> {
                if (versions.version(version.versionId()) == version) { // unchanged since it was read
                    versions.replace(version, version.withStorageClass(storageClass));
                    return true;
                }
                return false;
            }) == Boolean.TRUE) {
                state.events().record(bucket, "LifecycleTransition", version, null, now);
            }
        }

        private boolean due(Instant date, Integer days, Instant since) {
            if (date != null) {
                return !now.isBefore(date);
            }
            return days != null && !now.isBefore(midnightAfter(since, days));
        }

        private boolean locked(StoredObject version) {
            if (version.blob() == null) {
                return false;
            }
            Object hold = bucket.versionSettings(ObjectLockLegalHold.class).get(version.blob());
            Object retention = bucket.versionSettings(ObjectLockRetention.class).get(version.blob());
            return hold instanceof ObjectLockLegalHold h && h.status() == ObjectLockLegalHoldStatus.ON
                    || retention instanceof ObjectLockRetention r && r.retainUntilDate().isAfter(now);
        }
    }

    /** The enabled rule that will abort an upload of this key (x-amz-abort-date and x-amz-abort-rule-id), if any. */
    static java.util.Optional<LifecycleRule> abortRule(Bucket bucket, String key) {
        BucketLifecycleConfiguration config = bucket.setting(BucketLifecycleConfiguration.class);
        return config == null ? java.util.Optional.empty() : config.rules().stream()
                .filter(r -> r.status() == ExpirationStatus.ENABLED && r.abortIncompleteMultipartUpload() != null
                        && r.abortIncompleteMultipartUpload().daysAfterInitiation() != null
                        && key.startsWith(LifecycleFilters.prefix(r)))
                .findFirst();
    }

    private static int keep(Integer newerNoncurrentVersions) {
        return newerNoncurrentVersions == null ? 0 : newerNoncurrentVersions;
    }

    /** S3's due time: the age reached, rounded up to the next midnight UTC. */
    static Instant midnightAfter(Instant start, int days) {
        Instant reached = start.plus(Duration.ofDays(days));
        Instant midnight = reached.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(reached) ? reached : midnight.plus(Duration.ofDays(1));
    }
}
