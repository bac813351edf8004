package io.cloudjar.ec2;

import io.cloudjar.core.util.Ids;
import io.cloudjar.ec2.api.SnapshotExports;
import io.cloudjar.vpc.api.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * The {@link SnapshotExports} seam for Lightsail's export to EC2: snapshots and AMIs made as CreateImage makes them
 * (pending on the emulator clock, then completed/available), owned by the account, and an instance launched from
 * one as RunInstances launches it. Serves no operation; found with {@code ServiceContext.lookup}.
 */
public final class SnapshotExportsProvider extends ComputeProvider implements SnapshotExports {
    @Override
    public String exportDiskSnapshot(Scope scope, int sizeGb, String description, Instant completesAt) {
        ComputeState state = store.get(scope.accountId(), scope.region());
        SnapshotRecord snapshot = snapshot(scope, sizeGb, description, completesAt);
        state.putSnapshot(snapshot);
        return snapshot.snapshotId();
    }

    @Override
    public ExportedImage exportImage(Scope scope, ImageExport export) {
        ComputeState state = store.get(scope.accountId(), scope.region());
        RegionImages images = store.images(scope.region());
        String imageId = Ids.ec2("ami");
        String root = export.windows() ? "/dev/sda1" : "/dev/xvda";
        List<ImageRecord.Device> devices = new ArrayList<>();
        List<String> snapshotIds = new ArrayList<>();
        synchronized (state) {
            images.checkNameFree(scope.accountId(), export.name());
            for (int i = 0; i < export.disks().size(); i++) {
                Disk disk = export.disks().get(i);
                SnapshotRecord snapshot = snapshot(scope, disk.sizeGb(),
                        "Exported from Lightsail for " + imageId, export.completesAt());
                state.putSnapshot(snapshot);
                snapshotIds.add(snapshot.snapshotId());
                devices.add(new ImageRecord.Device(i == 0 ? root : disk.path(), null, snapshot.snapshotId(), disk.sizeGb(),
                        "gp2", i == 0, false));
            }
            Instant now = store.now();
            images.add(new ImageRecord(imageId, scope.accountId(), null, export.name(), export.description(), "x86_64",
                    export.windows() ? "windows" : null, export.windows() ? "Windows" : "Linux/UNIX",
                    export.windows() ? "RunInstances:0002" : "RunInstances", root, devices, now, null, null, false,
                    Set.of(), Map.of(), lifecycle(now, export.completesAt()), null, null));
        }
        return new ExportedImage(imageId, snapshotIds);
    }

    @Override
    public String launchInstance(Scope scope, Launch launch) {
        ComputeState state = store.get(scope.accountId(), scope.region());
        Instant now = store.now();
        RunInstancesRequest.Builder request = RunInstancesRequest.builder().imageId(launch.imageId())
                .instanceType(launch.instanceType()).minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone(launch.availabilityZone()));
        if (launch.userData() != null) {
            request.userData(Base64.getEncoder().encodeToString(launch.userData().getBytes(StandardCharsets.UTF_8)));
        }
        synchronized (state) {
            LaunchSpec spec = LaunchSpec.of(request.build(), store, state, scope.accountId(), scope.region());
            if (launch.ingress() != null) {
                String vpcId = store.networking().defaultSubnet(scope, launch.availabilityZone()).vpcId();
                request.securityGroupIds(store.networking().createSecurityGroup(scope, vpcId, launch.groupName(),
                        "Ports of the Lightsail instance exported to " + launch.imageId(), launch.ingress()).groupId());
            }
            return RunInstancesProvider.launch(store, state, scope, request.build(), spec, now).get(0).instanceId();
        }
    }

    private SnapshotRecord snapshot(Scope scope, int sizeGb, String description, Instant completesAt) {
        Instant now = store.now();
        return new SnapshotRecord(Ids.ec2("snap"), scope.accountId(), SnapshotRecord.COPIED_VOLUME_ID, sizeGb, description, false, null,
                now, lifecycle(now, completesAt), Map.of(), Set.of());
    }

    private static Lifecycle lifecycle(Instant now, Instant completesAt) {
        return new Lifecycle(now, completesAt.isAfter(now) ? Duration.between(now, completesAt) : Duration.ZERO);
    }
}
