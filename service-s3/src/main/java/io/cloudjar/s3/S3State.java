package io.cloudjar.s3;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.persist.Persistence;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.Resettable;
import io.cloudjar.core.util.EmulatorClock;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.storage.BlobStore;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * S3's state, shared by its providers: buckets by name (the namespace is global across accounts and
 * regions; each bucket records its owner and region) and the blob store holding object bodies.
 */
final class S3State implements Resettable, AutoCloseable {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final BlobStore blobs;
    private final EmulatorClock clock;
    private final Consumer<Runnable> afterCallsInFlight;
    private final LifecycleRunner lifecycleRules = new LifecycleRunner(this);
    private final Replication replication = new Replication(this);
    private final EventNotifications events;
    private final AccessLogDelivery accessLogs;
    /** Account-level Block Public Access (S3 Control), by account. */
    private final ConcurrentHashMap<String, PublicAccessBlockConfiguration> accountBlocks = new ConcurrentHashMap<>();
    /** Bucket creation and a reset exclude each other, so every bucket a reset misses was created after it. */
    private final Object lifecycle = new Object();

    /** Whether IAM's evaluator has decided anonymous and cross-account calls (bucket policies); asked per call. */
    private final BooleanSupplier policiesDecide;

    private final S3Records records;

    private S3State(BlobStore blobs, EmulatorClock clock, Consumer<Runnable> afterCallsInFlight, BooleanSupplier policiesDecide,
                    Persistence persistence) {
        this.blobs = blobs;
        this.clock = clock;
        this.afterCallsInFlight = afterCallsInFlight;
        this.policiesDecide = policiesDecide;
        this.records = new S3Records(persistence, blobs);
        this.events = new EventNotifications(persistence.map("s3.events", EventNotifications.Delivery.class));
        this.accessLogs = new AccessLogDelivery(this, persistence.map("s3.accessLogBatches", AccessLogDelivery.Batch.class));
        blobs.keptDirectory().ifPresent(persistence::keepsFiles);
        persistence.restoreWith(() -> {
            records.restore(buckets, accountBlocks);
            replication.requeueKept(buckets.values());
            events.restore();
            accessLogs.restore(buckets::get);
        });
    }

    static S3State of(ServiceContext context) {
        return context.shared(S3State.class, () -> context.stores().register("s3",
                new S3State(new BlobStore(context.config().dataDir(), context.persistence().enabled()), context.clock(),
                        context::afterCallsInFlight, context::resourcePoliciesDecide, context.persistence())));
    }

    /** The bucket of that name whoever owns it, or null: for the authorizer's questions, not for calls. */
    Bucket named(String name) {
        return buckets.get(name);
    }

    /** True when IAM's evaluator decides anonymous and cross-account calls (IAM runs). */
    boolean policiesDecide() {
        return policiesDecide.getAsBoolean();
    }

    BlobStore blobs() {
        return blobs;
    }

    EmulatorClock clock() {
        return clock;
    }

    /** An account's Block Public Access settings (S3 Control), or null. */
    PublicAccessBlockConfiguration accountBlock(String account) {
        return accountBlocks.get(account);
    }

    /** Sets (null: removes) an account's Block Public Access settings. */
    void accountBlock(String account, PublicAccessBlockConfiguration config) {
        if (config == null) {
            accountBlocks.remove(account);
        } else {
            accountBlocks.put(account, config);
        }
        records.accountBlockChanged(account, config);
    }

    AccessLogDelivery accessLogs() {
        return accessLogs;
    }

    EventNotifications events() {
        return events;
    }

    Replication replication() {
        return replication;
    }

    Collection<Bucket> buckets() {
        return buckets.values();
    }

    /** Registers a new bucket; returns the existing one when the name is taken. */
    Bucket create(Bucket bucket) {
        synchronized (lifecycle) {
            Bucket existing = buckets.putIfAbsent(bucket.name(), bucket);
            if (existing == null) {
                records.created(bucket);
            }
            return existing;
        }
    }

    void remove(Bucket bucket) {
        if (buckets.remove(bucket.name(), bucket)) {
            records.removed(bucket);
        }
    }

    /**
     * The bucket a call addresses, or NoSuchBucket. When IAM runs, its evaluator has already weighed the bucket policy
     * for anonymous and cross-account calls, with or without ENFORCE_IAM (see the pipeline's Authorize). Without
     * service-iam (a server of S3 alone), a bucket of another account answers AccessDenied, as it does in AWS without
     * a bucket policy, and unsigned calls act as the owner: nothing could evaluate a policy granting them.
     */
    Bucket bucket(Principal caller, String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw S3Errors.noSuchBucket(name);
        }
        if (!policiesDecide.getAsBoolean() && !caller.isAnonymous() && !bucket.ownerAccount().equals(caller.accountId())) {
            throw AwsErrors.modeled("AccessDenied", "Access Denied");
        }
        replication.runDue(); // due copies, log deliveries and expirations happen before the call sees the bucket
        accessLogs.deliverDue();
        lifecycleRules.runIfDue(bucket);
        return bucket;
    }

    /**
     * Forgets every bucket and removes only this server's bodies. In this order: each bucket is discarded (a write
     * still running then lands before the reset or is dropped with its body), new bodies go to a fresh generation,
     * the names are freed; so a bucket created afterwards only ever holds bodies of the fresh generation. The old
     * one is deleted once the calls that may still read it (a GetObject planned before the reset) have returned.
     */
    @Override
    public void reset() {
        Path retired;
        synchronized (lifecycle) {
            buckets.values().forEach(Bucket::discard);
            retired = blobs.startGeneration();
            buckets.clear();
            replication.clear();
            events.clear();
            accountBlocks.clear();
            accessLogs.clear();
        }
        afterCallsInFlight.accept(() -> blobs.deleteGeneration(retired));
    }

    @Override
    public void close() {
        blobs.close();
    }
}
