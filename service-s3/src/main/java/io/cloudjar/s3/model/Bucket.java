package io.cloudjar.s3.model;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * A bucket: owned by one account, located in one region, its keys kept in key order (UTF-8 binary order
 * equals Java's order for keys without surrogate pairs) so listings walk them directly, each key with its
 * version history.
 */
public final class Bucket {
    /** Versioning as S3 reports it: never configured (null), then Enabled or Suspended for good. */
    public enum Versioning { ENABLED, SUSPENDED }

    private final String name;
    private final String ownerAccount;
    private final String region;
    private final Instant created;
    private final ConcurrentSkipListMap<String, ObjectVersions> objects = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();
    private volatile Versioning versioning;
    private volatile boolean mfaDelete;
    private volatile String policy;
    /** Stored configurations (immutable SDK model values) by their model class; absent when unset or deleted. */
    private final ConcurrentHashMap<Class<?>, Object> settings = new ConcurrentHashMap<>();
    /** Configurations kept by id (analytics, inventory, metrics, intelligent tiering): by model class, then id. */
    private final ConcurrentHashMap<Class<?>, ConcurrentSkipListMap<String, Object>> namedSettings = new ConcurrentHashMap<>();
    /**
     * Object ACLs set explicitly, by the version's body file: unique per version and kept by tagging's copies, so a
     * new version starts with the default ACL. (Delete markers have no ACL.)
     */
    private final ConcurrentHashMap<java.nio.file.Path, Object> objectAcls = new ConcurrentHashMap<>();
    /** Other settings of single versions (retention, legal hold), by kind, then by the version's body file. */
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<java.nio.file.Path, Object>> versionSettings =
            new ConcurrentHashMap<>();

    private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean deleted;
    private boolean discarded;

    public Bucket(String name, String ownerAccount, String region, Instant created) {
        this.name = name;
        this.ownerAccount = ownerAccount;
        this.region = region;
        this.created = created;
    }

    public String name() {
        return name;
    }

    public String ownerAccount() {
        return ownerAccount;
    }

    public String region() {
        return region;
    }

    public Instant created() {
        return created;
    }

    /** The bucket policy as stored (S3 returns it as given), or null when the bucket has none. */
    public String policy() {
        return policy;
    }

    public void policy(String document) {
        this.policy = document;
    }

    /** The stored configuration of that kind, or null. */
    public <T> T setting(Class<T> kind) {
        return kind.cast(settings.get(kind));
    }

    /** Stores a configuration of its model class; null removes it. */
    public <T> void setting(Class<T> kind, T value) {
        if (value == null) {
            settings.remove(kind);
        } else {
            settings.put(kind, value);
        }
    }

    /** The configurations of that kind kept by id, in id order (changeable). */
    public ConcurrentSkipListMap<String, Object> namedSettings(Class<?> kind) {
        return namedSettings.computeIfAbsent(kind, k -> new ConcurrentSkipListMap<>());
    }

    /** The settings of that kind of single versions, by the version's body file (changeable). */
    public ConcurrentHashMap<java.nio.file.Path, Object> versionSettings(Class<?> kind) {
        return versionSettings.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    }

    /** Drops what was kept of a version by its body file (ACL, retention, encryption, …) once the version is gone. */
    public void forget(java.nio.file.Path blob) {
        objectAcls.remove(blob);
        versionSettings.values().forEach(settings -> settings.remove(blob));
    }

    public ConcurrentHashMap<java.nio.file.Path, Object> objectAcls() {
        return objectAcls;
    }

    /** The version history of each key, sorted by key. Change it only through {@link #edit}. */
    public ConcurrentSkipListMap<String, ObjectVersions> objects() {
        return objects;
    }

    /** The newest version of a key (maybe a delete marker), or null. */
    public StoredObject latest(String key) {
        ObjectVersions versions = objects.get(key);
        return versions == null ? null : versions.latest();
    }

    /**
     * Runs one change of a key's history atomically with respect to other changes of that key. A history
     * left empty is dropped from the bucket; a change that raced with the drop runs again on a fresh one,
     * so no acknowledged write is ever lost.
     */
    public <T> T edit(String key, Function<ObjectVersions, T> change) {
        lifecycle.readLock().lock();
        try {
            if (deleted) { // DeleteBucket won the race: the write must fail, not vanish with the bucket
                throw new BucketDeletedException(name, discarded);
            }
            return editKey(key, change);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * DeleteBucket's check and mark in one step: true, and no later edit succeeds, when the bucket holds no
     * version; edits already running finish first.
     */
    public boolean markDeletedIfEmpty() {
        lifecycle.writeLock().lock();
        try {
            if (!isEmpty()) {
                return false;
            }
            deleted = true;
            return true;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * A reset's mark: no later edit succeeds and uploads in progress are dropped, so a write racing the reset has
     * either landed before this (and goes with the bucket) or sees {@link BucketDeletedException#byReset()}; edits
     * already running finish first.
     */
    public void discard() {
        lifecycle.writeLock().lock();
        try {
            deleted = true;
            discarded = true;
            uploads.clear();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private <T> T editKey(String key, Function<ObjectVersions, T> change) {
        while (true) {
            ObjectVersions versions = objects.computeIfAbsent(key, k -> new ObjectVersions());
            synchronized (versions) {
                if (versions.removed) {
                    continue;
                }
                try {
                    return change.apply(versions);
                } finally {
                    if (versions.isEmpty()) {
                        versions.removed = true;
                        objects.remove(key, versions);
                    }
                }
            }
        }
    }

    /** True when no key has any version left (DeleteBucket's condition). */
    public boolean isEmpty() {
        return objects.values().stream().allMatch(ObjectVersions::isEmpty);
    }

    /** Multipart uploads in progress, by upload id. */
    public ConcurrentHashMap<String, MultipartUpload> uploads() {
        return uploads;
    }

    public Versioning versioning() {
        return versioning;
    }

    public boolean mfaDelete() {
        return mfaDelete;
    }

    public void versioning(Versioning status, boolean mfaDeleteEnabled) {
        this.versioning = status;
        this.mfaDelete = mfaDeleteEnabled;
    }

    /** An edit of a bucket that DeleteBucket or a reset removed meanwhile: answered as S3 answers a missing bucket. */
    public static final class BucketDeletedException extends io.cloudjar.core.errors.AwsException {
        private final boolean byReset;

        BucketDeletedException(String bucket, boolean byReset) {
            super("NoSuchBucket", 404, "The specified bucket does not exist");
            withDetail("BucketName", bucket);
            this.byReset = byReset;
        }

        /** True when a reset, not DeleteBucket, removed the bucket. */
        public boolean byReset() {
            return byReset;
        }
    }
}
