package io.cloudjar.ec2;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.core.persist.Persistence;

/**
 * EC2's records as kept across restarts ({@code PERSISTENCE=1}). Every map holds all accounts and regions, keyed
 * {@code <account>/<region>/<id>} (images {@code <region>/<id>}); {@link ComputeStore} rebuilds its states from them.
 */
final class ComputeRecords {
    final DurableMap<InstanceRecord> instances;
    final DurableMap<KeyPairRecord> keyPairs;
    final DurableMap<VolumeRecord> volumes;
    final DurableMap<SnapshotRecord> snapshots;
    final DurableMap<String> clientTokens;
    final DurableMap<ImageRecord> images;

    ComputeRecords(Persistence persistence) {
        this.instances = persistence.map("ec2.instances", InstanceRecord.class);
        this.keyPairs = persistence.map("ec2.keyPairs", KeyPairRecord.class);
        this.volumes = persistence.map("ec2.volumes", VolumeRecord.class);
        this.snapshots = persistence.map("ec2.snapshots", SnapshotRecord.class);
        this.clientTokens = persistence.map("ec2.clientTokens", String.class);
        this.images = persistence.map("ec2.images", ImageRecord.class);
    }

    /** The maps of one account and region, keys without the scope. */
    record Scoped(DurableMap<InstanceRecord> instances, DurableMap<KeyPairRecord> keyPairs, DurableMap<VolumeRecord> volumes,
                  DurableMap<SnapshotRecord> snapshots, DurableMap<String> clientTokens) {
    }

    Scoped scoped(String accountId, String region) {
        return new Scoped(instances.scoped(accountId, region), keyPairs.scoped(accountId, region),
                volumes.scoped(accountId, region), snapshots.scoped(accountId, region), clientTokens.scoped(accountId, region));
    }
}
