package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The instances, key pairs, volumes and snapshots of one account in one region. Records are immutable and
 * replaced whole; reads go straight to the concurrent maps and every change takes this object's lock, so
 * compound checks (a device name free on an instance, a snapshot not used by an image) see a stable view.
 */
final class ComputeState {
    private final ConcurrentSkipListMap<String, KeyPairRecord> keyPairs = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, VolumeRecord> volumes = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, SnapshotRecord> snapshots = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, InstanceRecord> instances = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, String> clientTokens = new ConcurrentHashMap<>();
    /** Instance id → ids of the volumes attached to it; kept by putVolume/removeVolume, read by volumesAttachedTo. */
    private final ConcurrentHashMap<String, Set<String>> volumesByInstance = new ConcurrentHashMap<>();
    /** Where every change is also written (under this object's lock, so in the order memory sees them). */
    private final ComputeRecords.Scoped durable;

    ComputeState(ComputeRecords.Scoped durable) {
        this.durable = durable;
    }

    // --- what the state file kept, taken back at start-up without writing it again

    void restore(KeyPairRecord key) {
        keyPairs.put(key.keyName(), key);
    }

    void restore(VolumeRecord volume) {
        indexVolume(volume);
    }

    void restore(SnapshotRecord snapshot) {
        snapshots.put(snapshot.snapshotId(), snapshot);
    }

    void restore(InstanceRecord instance) {
        instances.put(instance.instanceId(), instance);
    }

    void restoreClientToken(String token, String resourceId) {
        clientTokens.put(token, resourceId);
    }

    // --- key pairs, by name (names are unique per account and region)

    Collection<KeyPairRecord> keyPairs() {
        return Collections.unmodifiableCollection(keyPairs.values());
    }

    Optional<KeyPairRecord> keyPair(String name) {
        return Optional.ofNullable(name == null ? null : keyPairs.get(name));
    }

    synchronized void addKeyPair(KeyPairRecord key) {
        if (keyPairs.putIfAbsent(key.keyName(), key) != null) {
            throw Ec2Errors.of("InvalidKeyPair.Duplicate", key.keyName());
        }
        durable.keyPairs().put(key.keyName(), key);
    }

    /** Key pairs are stored by name; CreateTags and DeleteTags will address them by id. */
    Optional<KeyPairRecord> keyPairById(String keyPairId) {
        return keyPairs.values().stream().filter(k -> k.keyPairId().equals(keyPairId)).findFirst();
    }

    /** Replaces a key pair's record (e.g. with new tags); no-op when it was deleted meanwhile. */
    synchronized void replaceKeyPair(KeyPairRecord key) {
        if (keyPairs.replace(key.keyName(), key) != null) {
            durable.keyPairs().put(key.keyName(), key);
        }
    }

    synchronized Optional<KeyPairRecord> removeKeyPair(String name) {
        durable.keyPairs().remove(name);
        return Optional.ofNullable(keyPairs.remove(name));
    }

    // --- volumes

    Collection<VolumeRecord> volumes() {
        return Collections.unmodifiableCollection(volumes.values());
    }

    Optional<VolumeRecord> volume(String volumeId) {
        return Optional.ofNullable(volumeId == null ? null : volumes.get(volumeId));
    }

    VolumeRecord requireVolume(String volumeId) {
        return volume(volumeId).orElseThrow(() -> Ec2Errors.of("InvalidVolume.NotFound", volumeId));
    }

    synchronized void putVolume(VolumeRecord volume) {
        indexVolume(volume);
        durable.volumes().put(volume.volumeId(), volume);
    }

    private void indexVolume(VolumeRecord volume) {
        VolumeRecord old = volumes.put(volume.volumeId(), volume);
        volume.attachments().forEach(a -> volumesByInstance.computeIfAbsent(a.instanceId(), k -> ConcurrentHashMap.newKeySet())
                .add(volume.volumeId()));
        if (old != null) {
            old.attachments().stream().map(VolumeRecord.Attachment::instanceId)
                    .filter(id -> volume.attachments().stream().noneMatch(a -> a.instanceId().equals(id)))
                    .forEach(id -> unindexVolume(id, volume.volumeId()));
        }
    }

    synchronized void removeVolume(String volumeId) {
        durable.volumes().remove(volumeId);
        VolumeRecord old = volumes.remove(volumeId);
        if (old != null) {
            old.attachments().forEach(a -> unindexVolume(a.instanceId(), volumeId));
        }
    }

    /**
     * The volumes with an attachment (live or finished detaching) to an instance, without scanning every volume:
     * rendering one instance of 10,000 must not read 10,000 volumes. Lock-free, like the other reads.
     */
    List<VolumeRecord> volumesAttachedTo(String instanceId) {
        Set<String> ids = volumesByInstance.getOrDefault(instanceId, Set.of());
        List<VolumeRecord> attached = new ArrayList<>(ids.size());
        for (String id : ids) {
            VolumeRecord volume = volumes.get(id); // the record is the truth: the index may lag a change by a moment
            if (volume != null && volume.attachments().stream().anyMatch(a -> a.instanceId().equals(instanceId))) {
                attached.add(volume);
            }
        }
        return attached;
    }

    private void unindexVolume(String instanceId, String volumeId) {
        volumesByInstance.computeIfPresent(instanceId, (k, ids) -> {
            ids.remove(volumeId);
            return ids.isEmpty() ? null : ids;
        });
    }

    // --- snapshots

    Collection<SnapshotRecord> snapshots() {
        return Collections.unmodifiableCollection(snapshots.values());
    }

    Optional<SnapshotRecord> snapshot(String snapshotId) {
        return Optional.ofNullable(snapshotId == null ? null : snapshots.get(snapshotId));
    }

    SnapshotRecord requireSnapshot(String snapshotId) {
        return snapshot(snapshotId).orElseThrow(() -> Ec2Errors.of("InvalidSnapshot.NotFound", snapshotId));
    }

    synchronized void putSnapshot(SnapshotRecord snapshot) {
        snapshots.put(snapshot.snapshotId(), snapshot);
        durable.snapshots().put(snapshot.snapshotId(), snapshot);
    }

    synchronized void removeSnapshot(String snapshotId) {
        snapshots.remove(snapshotId);
        durable.snapshots().remove(snapshotId);
    }

    // --- idempotency: ClientToken → the id of what the first call created

    Optional<String> byClientToken(String token) {
        return Optional.ofNullable(token == null ? null : clientTokens.get(token));
    }

    void rememberClientToken(String token, String resourceId) {
        if (token != null && clientTokens.putIfAbsent(token, resourceId) == null) {
            durable.clientTokens().put(token, resourceId);
        }
    }

    // --- instances; terminated ones disappear an hour after termination (pruned as they are read)

    /** Every instance still visible at {@code now}, in id order. */
    Collection<InstanceRecord> instances(Instant now) {
        return instances.values().stream().filter(i -> !i.phase().gone(now)).toList();
    }

    Optional<InstanceRecord> instance(String instanceId, Instant now) {
        InstanceRecord found = instanceId == null ? null : instances.get(instanceId);
        return found == null || found.phase().gone(now) ? Optional.empty() : Optional.of(found);
    }

    InstanceRecord requireInstance(String instanceId, Instant now) {
        return instance(instanceId, now).orElseThrow(() -> Ec2Errors.of("InvalidInstanceID.NotFound", instanceId));
    }

    synchronized void putInstance(InstanceRecord instance) {
        instances.put(instance.instanceId(), instance);
        durable.instances().put(instance.instanceId(), instance);
    }

    /** Forgets instances terminated over an hour ago (their ids then answer NotFound). */
    synchronized void pruneInstances(Instant now) {
        instances.values().removeIf(i -> {
            boolean gone = i.phase().gone(now);
            if (gone) {
                durable.instances().remove(i.instanceId());
            }
            return gone;
        });
    }
}
