package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
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
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHold;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Runs a bucket's lifecycle expirations on the emulator clock, when the bucket is next used (timed states are
 * computed when read, never scheduled), at most once per minute of emulator time: current versions expire
 * (removed, or hidden under a delete marker in a versioned bucket) at the midnight UTC after their age passes the
 * rule's days, or on its date; noncurrent versions after NoncurrentDays; a delete marker left alone goes with
 * ExpiredObjectDeleteMarker. Prefix, tag and size filters apply; locked versions are kept. Transitions and aborting
 * incomplete multipart uploads are not run yet.
 */
final class LifecycleRunner {
    private static final Duration EVERY = Duration.ofMinutes(1);

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
        VersionedWrites writes = new VersionedWrites(state);
        for (LifecycleRule rule : config.rules()) {
            if (rule.status() == ExpirationStatus.ENABLED) {
                try {
                    apply(bucket, rule, now, writes);
                } catch (Bucket.BucketDeletedException e) {
                    return; // deleted or reset meanwhile: nothing left to expire
                }
            }
        }
    }

    private void apply(Bucket bucket, LifecycleRule rule, Instant now, VersionedWrites writes) {
        for (Map.Entry<String, ObjectVersions> entry : bucket.objects().entrySet()) {
            String key = entry.getKey();
            List<StoredObject> versions = entry.getValue().all();
            if (versions.isEmpty() || !key.startsWith(prefix(rule))) {
                continue;
            }
            StoredObject latest = versions.get(0);
            if (rule.expiration() != null && !latest.deleteMarker() && matches(rule.filter(), latest)
                    && expired(rule, latest, now)) {
                if (bucket.versioning() == null) {
                    if (!locked(bucket, latest, now)) {
                        writes.deleteLatest(bucket, key, bucket.ownerAccount());
                    }
                } else {
                    writes.deleteLatest(bucket, key, bucket.ownerAccount());
                }
                versions = bucket.objects().getOrDefault(key, new ObjectVersions()).all();
            }
            if (rule.noncurrentVersionExpiration() != null && rule.noncurrentVersionExpiration().noncurrentDays() != null) {
                int days = rule.noncurrentVersionExpiration().noncurrentDays();
                for (int i = 1; i < versions.size(); i++) {
                    StoredObject old = versions.get(i);
                    Instant noncurrentSince = versions.get(i - 1).lastModified();
                    if (!old.deleteMarker() && matches(rule.filter(), old) && !now.isBefore(midnightAfter(noncurrentSince, days))
                            && !locked(bucket, old, now)) {
                        writes.deleteVersion(bucket, key, old.versionId());
                    }
                }
                versions = bucket.objects().getOrDefault(key, new ObjectVersions()).all();
            }
            if (rule.expiration() != null && Boolean.TRUE.equals(rule.expiration().expiredObjectDeleteMarker())
                    && versions.size() == 1 && versions.get(0).deleteMarker()) {
                writes.deleteVersion(bucket, key, versions.get(0).versionId());
            }
        }
    }

    private static boolean expired(LifecycleRule rule, StoredObject object, Instant now) {
        if (rule.expiration().date() != null) {
            return !now.isBefore(rule.expiration().date());
        }
        Integer days = rule.expiration().days();
        return days != null && !now.isBefore(midnightAfter(object.lastModified(), days));
    }

    /** S3's due time: the age reached, rounded up to the next midnight UTC. */
    private static Instant midnightAfter(Instant start, int days) {
        Instant reached = start.plus(Duration.ofDays(days));
        Instant midnight = reached.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(reached) ? reached : midnight.plus(Duration.ofDays(1));
    }

    private static boolean locked(Bucket bucket, StoredObject version, Instant now) {
        if (version.blob() == null) {
            return false;
        }
        Object hold = bucket.versionSettings(ObjectLockLegalHold.class).get(version.blob());
        Object retention = bucket.versionSettings(ObjectLockRetention.class).get(version.blob());
        return hold instanceof ObjectLockLegalHold h && h.status() == ObjectLockLegalHoldStatus.ON
                || retention instanceof ObjectLockRetention r && r.retainUntilDate().isAfter(now);
    }

    private static String prefix(LifecycleRule rule) {
        LifecycleRuleFilter f = rule.filter();
        String prefix = f == null ? rule.prefix() : f.prefix() != null ? f.prefix() : f.and() != null ? f.and().prefix() : null;
        return prefix == null ? "" : prefix;
    }

    /** The filter's tag and size conditions (its prefix is checked by {@link #prefix}). */
    private static boolean matches(LifecycleRuleFilter f, StoredObject object) {
        if (f == null) {
            return true;
        }
        if (f.tag() != null && !hasTag(object, f.tag())) {
            return false;
        }
        if (!withinSize(object, f.objectSizeGreaterThan(), f.objectSizeLessThan())) {
            return false;
        }
        LifecycleRuleAndOperator and = f.and();
        return and == null || (and.tags().stream().allMatch(t -> hasTag(object, t))
                && withinSize(object, and.objectSizeGreaterThan(), and.objectSizeLessThan()));
    }

    private static boolean hasTag(StoredObject object, Tag tag) {
        return tag.value() != null && tag.value().equals(object.tags().get(tag.key()));
    }

    private static boolean withinSize(StoredObject object, Long greaterThan, Long lessThan) {
        return (greaterThan == null || object.size() > greaterThan) && (lessThan == null || object.size() < lessThan);
    }
}
