package io.cloudjar.ec2;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.InterfaceRequest;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates what a validated launch describes: per instance its interfaces (addresses from the subnet, a public
 * address where asked), its volumes (attached, from the AMI's snapshots) and its record, starting
 * {@code pending}. When anything fails midway, the interfaces already made are deleted again, so a refused
 * launch leaves no addresses taken; records and volumes are stored only once every instance is ready.
 */
final class InstanceLauncher {
    private final ComputeStore store;
    private final Scope scope;

    InstanceLauncher(ComputeStore store, Scope scope) {
        this.store = store;
        this.scope = scope;
    }

    /** The launched instances, in launch index order. */
    List<InstanceRecord> launch(LaunchSpec spec, LaunchNetwork network, List<LaunchDevices.Planned> devices, int count,
                                String clientToken, Instant now) {
        InstanceNetworking networking = store.networking();
        String reservationId = Ids.ec2("r");
        List<String> createdInterfaces = new ArrayList<>();
        List<InstanceRecord> instances = new ArrayList<>();
        List<VolumeRecord> volumes = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                String instanceId = Ids.ec2("i");
                String primaryId = null;
                for (LaunchNetwork.Planned planned : network.interfaces()) {
                    String eniId = planned.existingId();
                    if (eniId == null) {
                        InterfaceInfo created = networking.createInterface(scope, new InterfaceRequest(
                                planned.subnet().subnetId(), planned.description(),
                                planned.groups().stream().map(SecurityGroupInfo::groupId).toList(),
                                planned.privateIpAddress(), planned.secondaryCount(), spec.tags().getOrDefault("network-interface", Map.of())));
                        eniId = created.networkInterfaceId();
                        createdInterfaces.add(eniId);
                    }
                    networking.attachInterface(scope, eniId, instanceId, planned.deviceIndex(), planned.deleteOnTermination());
                    if (planned.publicIp()) {
                        networking.assignPublicIp(scope, eniId);
                    }
                    if (planned.deviceIndex() == 0) {
                        primaryId = eniId;
                    }
                }
                for (LaunchDevices.Planned device : devices) {
                    volumes.add(volume(instanceId, device, network, spec, now));
                }
                instances.add(record(spec, network, instanceId, reservationId, primaryId, index, clientToken, now));
            }
        } catch (RuntimeException e) {
            createdInterfaces.forEach(id -> networking.deleteInterface(scope, id));
            throw e;
        }
        ComputeState state = store.get(scope.accountId(), scope.region());
        synchronized (state) {
            volumes.forEach(state::putVolume);
            instances.forEach(state::putInstance);
        }
        instances.forEach(i -> store.indexInstance(i.instanceId(), scope)); // the metadata service finds them by id
        return instances;
    }

    private InstanceRecord record(LaunchSpec spec, LaunchNetwork network, String instanceId, String reservationId,
                                  String primaryId, int index, String clientToken, Instant now) {
        ImageRecord image = spec.image();
        InstanceLaunch launch = new InstanceLaunch(instanceId, reservationId, scope.accountId(), image.imageId(),
                spec.keyName(), now, index, network.subnet().availabilityZone(), network.subnet().availabilityZoneId(),
                network.subnet().subnetId(), network.subnet().vpcId(), primaryId, network.primary().publicIp(),
                image.architecture(), image.platform(), image.platformDetails(), image.usageOperation(),
                image.rootDeviceName(), image.bootMode(), clientToken, spec.tenancy(), spec.cpuCores(), spec.threadsPerCore());
        InstanceRecord.ProfileAssociation profile = spec.profile() == null ? null : new InstanceRecord.ProfileAssociation(
                Ids.ec2("iip-assoc"), spec.profile().arn(), spec.profile().id(), "associated", now);
        return new InstanceRecord(launch, spec.settings(), InstancePhase.booting(now, store.timings().instanceBoot()),
                profile, spec.tags().getOrDefault("instance", Map.of()));
    }

    private VolumeRecord volume(String instanceId, LaunchDevices.Planned device, LaunchNetwork network, LaunchSpec spec,
                                Instant now) {
        VolumeRules.Spec v = device.spec();
        VolumeRecord.Attachment attachment = new VolumeRecord.Attachment(instanceId, device.deviceName(), now,
                device.deleteOnTermination(), Lifecycle.done(now), false);
        return new VolumeRecord(Ids.ec2("vol"), scope.accountId(), network.subnet().availabilityZone(),
                network.subnet().availabilityZoneId(), v.size(), v.volumeType(), v.iops(), v.throughput(),
                device.encrypted(), device.kmsKeyId(), device.snapshotId(), false, now, Lifecycle.done(now),
                List.of(attachment), spec.tags().getOrDefault("volume", Map.of()), null);
    }
}
