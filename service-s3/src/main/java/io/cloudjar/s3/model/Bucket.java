package io.cloudjar.s3.model;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A bucket: owned by one account, located in one region, its objects kept in key order (UTF-8 binary
 * order equals Java's order for keys without surrogate pairs) so listings walk them directly.
 */
public final class Bucket {
    private final String name;
    private final String ownerAccount;
    private final String region;
    private final Instant created;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();

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

    /** Current object of each key, sorted by key. */
    public ConcurrentSkipListMap<String, StoredObject> objects() {
        return objects;
    }

    /** Multipart uploads in progress, by upload id. */
    public ConcurrentHashMap<String, MultipartUpload> uploads() {
        return uploads;
    }
}
