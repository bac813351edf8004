package io.cloudjar.s3;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.KeptValue;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.core.persist.StoreFormatException;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.BucketSink;
import io.cloudjar.s3.model.MultipartUpload;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * S3's state as kept across restarts ({@code PERSISTENCE=1}). Bodies stay files ({@link BlobStore}, kept mode); the
 * file holds each bucket's settings ({@code s3.buckets}), each key's versions ({@code s3.objects},
 * {@code <bucket>/<key>}), per-version settings ({@code s3.versionSettings}, {@code <bucket>/<kind>/<body>}) and
 * uploads in progress ({@code s3.uploads}), with body paths relative to the bodies' directory. Buckets report their
 * changes here as they make them ({@link BucketSink}); a bucket's settings are written at the next commit, since some
 * are changed in place after they are handed out.
 */
final class S3Records implements BucketSink {
    /** A bucket and its settings; each setting's value as JSON under its model class's name. */
    record BucketRecord(String name, String ownerAccount, String region, Instant created, Bucket.Versioning versioning,
                        boolean mfaDelete, String policy, Map<String, String> settings,
                        Map<String, Map<String, String>> namedSettings) {
    }

    /** One key's versions, newest first. */
    record History(List<StoredObject> versions) {
    }

    private final Persistence persistence;
    private final BlobStore blobs;
    private final DurableMap<BucketRecord> buckets;
    private final DurableMap<History> objects;
    private final DurableMap<KeptValue> versionSettings;
    private final DurableMap<MultipartUpload> uploads;
    /** Account-level Block Public Access (S3 Control) by account, as JSON. */
    private final DurableMap<String> accountBlocks;

    S3Records(Persistence persistence, BlobStore blobs) {
        this.persistence = persistence;
        this.blobs = blobs;
        this.buckets = persistence.map("s3.buckets", BucketRecord.class);
        this.objects = persistence.map("s3.objects", History.class);
        this.versionSettings = persistence.map("s3.versionSettings", KeptValue.class);
        this.uploads = persistence.map("s3.uploads", MultipartUpload.class);
        this.accountBlocks = persistence.map("s3.accountBlocks", String.class);
    }

    // --- writing

    /** A new bucket: kept, and its changes reported here, only with persistence (without, buckets report nowhere). */
    void created(Bucket bucket) {
        if (persistence.enabled()) {
            bucket.keptIn(this);
            buckets.put(bucket.name(), record(bucket));
        }
    }

    void removed(Bucket bucket) {
        buckets.remove(bucket.name());
        objects.removeAll(bucket.name() + "/");
        versionSettings.removeAll(bucket.name() + "/");
        uploads.removeAll(bucket.name() + "/");
    }

    @Override
    public void bucketChanged(Bucket bucket) {
        persistence.changed(() -> {
            if (!bucket.gone()) { // a commit after DeleteBucket must not bring it back
                buckets.put(bucket.name(), record(bucket));
            }
        });
    }

    @Override
    public void historyChanged(Bucket bucket, String key, List<StoredObject> versions) {
        if (versions.isEmpty()) {
            objects.remove(bucket.name() + "/" + key);
        } else {
            objects.put(bucket.name() + "/" + key, new History(versions.stream().map(v -> v.withBlob(blobs.relative(v.blob()))).toList()));
        }
    }

    @Override
    public void versionSettingChanged(Bucket bucket, String kind, Path blob, Object value) {
        String key = bucket.name() + "/" + kind + "/" + blobs.relative(blob);
        if (value == null) {
            versionSettings.remove(key);
        } else {
            versionSettings.put(key, KeptValue.of(persistence, value));
        }
    }

    @Override
    public void uploadChanged(Bucket bucket, String uploadId, MultipartUpload upload) {
        if (upload == null) {
            uploads.remove(bucket.name() + "/" + uploadId);
        } else {
            uploads.put(bucket.name() + "/" + uploadId, withParts(upload, blobs::relative));
        }
    }

    void accountBlockChanged(String account, PublicAccessBlockConfiguration config) {
        if (!persistence.enabled()) {
            return;
        }
        if (config == null) {
            accountBlocks.remove(account);
        } else {
            accountBlocks.put(account, persistence.writeValue(config));
        }
    }

    private BucketRecord record(Bucket bucket) {
        Map<String, String> settings = new LinkedHashMap<>();
        bucket.settings().forEach((kind, value) -> settings.put(kind.getName(), persistence.writeValue(value)));
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        bucket.namedSettings().forEach((kind, byId) -> {
            Map<String, String> values = new LinkedHashMap<>();
            byId.forEach((id, value) -> values.put(id, persistence.writeValue(value)));
            named.put(kind.getName(), values);
        });
        return new BucketRecord(bucket.name(), bucket.ownerAccount(), bucket.region(), bucket.created(), bucket.versioning(),
                bucket.mfaDelete(), bucket.policy(), settings, named);
    }

    private static MultipartUpload withParts(MultipartUpload upload, UnaryOperator<Path> blob) {
        ConcurrentSkipListMap<Integer, MultipartUpload.Part> parts = new ConcurrentSkipListMap<>();
        upload.parts().forEach((n, p) -> parts.put(n, new MultipartUpload.Part(p.number(), blob.apply(p.blob()), p.size(), p.etag(),
                p.lastModified(), p.checksum())));
        return new MultipartUpload(upload.uploadId(), upload.key(), upload.initiated(), upload.metadata(), upload.checksumAlgorithm(),
                upload.checksumType(), upload.tags(), upload.ownerAccount(), upload.encryption(), upload.lock(), parts);
    }

    // --- restoring

    /**
     * Rebuilds every kept bucket into {@code into}, then removes the bodies nothing kept names (interrupted writes).
     */
    void restore(ConcurrentHashMap<String, Bucket> into, Map<String, PublicAccessBlockConfiguration> blocks) {
        accountBlocks.forEach("", (account, json) -> blocks.put(account, persistence.readValue(json, PublicAccessBlockConfiguration.class)));
        buckets.forEach("", (name, kept) -> {
            Bucket bucket = new Bucket(kept.name(), kept.ownerAccount(), kept.region(), kept.created());
            Map<Class<?>, Object> settings = new LinkedHashMap<>();
            kept.settings().forEach((type, json) -> settings.put(classOf(type), persistence.readValue(json, classOf(type))));
            Map<Class<?>, Map<String, Object>> named = new LinkedHashMap<>();
            kept.namedSettings().forEach((type, byId) -> {
                Map<String, Object> values = new LinkedHashMap<>();
                byId.forEach((id, json) -> values.put(id, persistence.readValue(json, classOf(type))));
                named.put(classOf(type), values);
            });
            bucket.restoreSettings(settings, named, kept.policy(), kept.versioning(), kept.mfaDelete());
            into.put(name, bucket);
        });
        Set<Path> referenced = new HashSet<>();
        objects.forEach("", (key, history) -> inBucket(into, key, (bucket, objectKey) -> {
            List<StoredObject> versions = history.versions().stream().map(v -> v.withBlob(blobs.resolve(v.blob()))).toList();
            versions.stream().map(StoredObject::blob).filter(Objects::nonNull).forEach(referenced::add);
            bucket.restoreHistory(objectKey, versions);
        }));
        versionSettings.forEach("", (key, value) -> inBucket(into, key, (bucket, rest) -> {
            int slash = rest.indexOf('/');
            bucket.restoreVersionSetting(rest.substring(0, slash), blobs.resolve(Path.of(rest.substring(slash + 1))),
                    value.read(persistence, S3Records.class.getClassLoader()));
        }));
        uploads.forEach("", (key, upload) -> inBucket(into, key, (bucket, id) -> {
            MultipartUpload restored = withParts(upload, blobs::resolve);
            restored.parts().values().forEach(p -> referenced.add(p.blob()));
            bucket.restoreUpload(restored);
        }));
        into.values().forEach(bucket -> bucket.keptIn(this));
        blobs.removeLeftovers(referenced);
    }

    private static void inBucket(Map<String, Bucket> buckets, String key, BiConsumer<Bucket, String> action) {
        int slash = key.indexOf('/');
        Bucket bucket = buckets.get(key.substring(0, slash));
        if (bucket != null) { // a record of a bucket deleted before a kill finished removing them: dropped
            action.accept(bucket, key.substring(slash + 1));
        }
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new StoreFormatException("The state file names a class this Cloudjar lacks: " + name, e);
        }
    }
}
