package io.cloudjar.s3.model;

import io.cloudjar.core.persist.KeptMap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
    /**
     * The same histories by key, for the look-ups of single keys every GET, HEAD and PUT makes: a hash probe instead of
     * a skip list's walk of string comparisons (a few percent of a small GET at 40,000 keys). A history enters both
     * maps before it is changed and leaves both when it is dropped, under its own lock ({@link #editKey}).
     */
    private final ConcurrentHashMap<String, ObjectVersions> byKey = new ConcurrentHashMap<>();
    /** Where changes are reported to be kept; set once the bucket is registered or restored. */
    private volatile BucketSink sink = BucketSink.NONE;
    private final KeptMap<String, MultipartUpload> uploads = new KeptMap<>(
            (id, upload) -> sink.uploadChanged(this, id, upload), id -> sink.uploadChanged(this, id, null));
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
    private final KeptMap<Path, Object> objectAcls = keptPerVersion(OBJECT_ACL);
    /** Other settings of single versions (retention, legal hold), by kind, then by the version's body file. */
    private final ConcurrentHashMap<Class<?>, KeptMap<Path, Object>> versionSettings =
            new ConcurrentHashMap<>();

    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean deleted;
    private boolean discarded;

    /** The {@link BucketSink#versionSettingChanged} kind of object ACLs. */
    public static final String OBJECT_ACL = "acl";

    public Bucket(String name, String ownerAccount, String region, Instant created) {
        this.name = name;
        this.ownerAccount = ownerAccount;
        this.region = region;
        this.created = created;
    }

    /** Reports every later change to {@code to}. */
    public void keptIn(BucketSink to) {
        this.sink = to;
    }

    private KeptMap<Path, Object> keptPerVersion(String kind) {
        return new KeptMap<>((blob, value) -> sink.versionSettingChanged(this, kind, blob, value),
                blob -> sink.versionSettingChanged(this, kind, blob, null));
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
        sink.bucketChanged(this);
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
        sink.bucketChanged(this);
    }

    /** Every stored configuration by its model class, read-only: what the state file keeps. */
    public Map<Class<?>, Object> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** Every configuration kept by id, by model class, read-only: what the state file keeps. */
    public Map<Class<?>, ? extends Map<String, Object>> namedSettings() {
        return Collections.unmodifiableMap(namedSettings);
    }

    /**
     * The configurations of that kind kept by id, in id order (changeable): the caller changes it, so the bucket is
     * written again at the next commit whether it does or not.
     */
    public ConcurrentSkipListMap<String, Object> namedSettings(Class<?> kind) {
        sink.bucketChanged(this);
        return namedSettings.computeIfAbsent(kind, k -> new ConcurrentSkipListMap<>());
    }

    /** The settings of that kind of single versions, by the version's body file (changeable with put and remove). */
    public ConcurrentHashMap<Path, Object> versionSettings(Class<?> kind) {
        return versionSettings.computeIfAbsent(kind, k -> keptPerVersion(k.getName()));
    }

    /** Every per-version setting, by kind (as {@link BucketSink} names it): what the state file keeps. */
    public Map<String, Map<Path, Object>> versionSettings() {
        Map<String, Map<Path, Object>> all = new LinkedHashMap<>();
        all.put(OBJECT_ACL, Collections.unmodifiableMap(objectAcls));
        versionSettings.forEach((kind, map) -> all.put(kind.getName(), Collections.unmodifiableMap(map)));
        return all;
    }

    /** Takes back a per-version setting the state file kept, without reporting it again. */
    public void restoreVersionSetting(String kind, Path blob, Object value) {
        if (kind.equals(OBJECT_ACL)) {
            objectAcls.restore(blob, value);
        } else {
            versionSettings.computeIfAbsent(value.getClass(), k -> keptPerVersion(k.getName())).restore(blob, value);
        }
    }

    /** Takes back configurations the state file kept, without reporting them again. */
    public void restoreSettings(Map<Class<?>, Object> kept, Map<Class<?>, Map<String, Object>> keptNamed,
                                String keptPolicy, Versioning keptVersioning, boolean keptMfaDelete) {
        settings.putAll(kept);
        keptNamed.forEach((kind, byId) -> namedSettings.computeIfAbsent(kind, k -> new ConcurrentSkipListMap<>()).putAll(byId));
        this.policy = keptPolicy;
        this.versioning = keptVersioning;
        this.mfaDelete = keptMfaDelete;
    }

    /** Takes back a key's versions the state file kept. */
    public void restoreHistory(String key, List<StoredObject> versions) {
        ObjectVersions history = new ObjectVersions();
        history.restore(versions);
        objects.put(key, history);
        byKey.put(key, history);
    }

    /** Takes back an upload in progress the state file kept. */
    public void restoreUpload(MultipartUpload upload) {
        uploads.restore(upload.uploadId(), upload);
    }

    /** Reports that an upload in progress got a part (its parts map changed in place). */
    public void uploadChanged(MultipartUpload upload) {
        sink.uploadChanged(this, upload.uploadId(), upload);
    }

    /** Drops what was kept of a version by its body file (ACL, retention, encryption, …) once the version is gone. */
    public void forget(Path blob) {
        objectAcls.remove(blob);
        versionSettings.values().forEach(settings -> settings.remove(blob));
    }

    /** Object ACLs by the version's body file (changeable with put and remove). */
    public ConcurrentHashMap<Path, Object> objectAcls() {
        return objectAcls;
    }

    /** The version history of each key, sorted by key. Change it only through {@link #edit}. */
    public ConcurrentSkipListMap<String, ObjectVersions> objects() {
        return objects;
    }

    /** The newest version of a key (maybe a delete marker), or null. */
    public StoredObject latest(String key) {
        ObjectVersions versions = byKey.get(key);
        return versions == null ? null : versions.latest();
    }

    /** A key's version history, or null when it has none. */
    public ObjectVersions history(String key) {
        return byKey.get(key);
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
                byKey.put(key, versions); // the key's one live history (a dropped one left both maps under its lock)
                try {
                    return change.apply(versions);
                } finally {
                    if (versions.isEmpty()) {
                        versions.removed = true;
                        objects.remove(key, versions);
                        byKey.remove(key, versions);
                    }
                    sink.historyChanged(this, key, versions.all());
                }
            }
        }
    }

    /** Whether DeleteBucket or a reset removed it. */
    public boolean gone() {
        return deleted;
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
        sink.bucketChanged(this);
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
