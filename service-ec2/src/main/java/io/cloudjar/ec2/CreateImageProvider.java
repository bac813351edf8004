package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageResponse;

/**
 * CreateImage from a running or stopped instance: one snapshot per attached volume ({@code pending} on the
 * emulator clock, described as EC2 describes them) and a private image, {@code pending} until they complete,
 * that launches with the instance's disks. The instance's own state does not change (a reboot is not modelled).
 */
public final class CreateImageProvider extends ComputeProvider {
    public CreateImageResponse createImage(CallContext ctx, CreateImageRequest request) {
        ImageNames.check(request.name());
        Map<String, Map<String, String>> tags = TagSpecifications.tagsFor(request.tagSpecifications(), Set.of("image", "snapshot"));
        ComputeState state = state(ctx);
        RegionImages images = store.images(ctx.region());
        synchronized (state) {
            Instant now = store.now();
            InstanceRecord instance = InstanceLookup.require(state, request.instanceId(), now);
            String current = instance.phase().name(now);
            if (!current.equals("running") && !current.equals("stopped")) {
                throw Ec2Errors.of("IncorrectInstanceState", instance.instanceId(), current);
            }
            images.checkNameFree(ctx.accountId(), request.name());
            String imageId = Ids.ec2("ami");
            Lifecycle snapshotting = new Lifecycle(now, store.timings().snapshot());
            List<ImageRecord.Device> devices = new ArrayList<>();
            List<VolumeRecord> disks = state.volumesAttachedTo(instance.instanceId()).stream()
                    .filter(v -> v.liveAttachments(now).stream().anyMatch(a -> a.instanceId().equals(instance.instanceId())))
                    .toList();
            for (VolumeRecord v : disks) {
                VolumeRecord.Attachment a = v.liveAttachments(now).stream()
                        .filter(x -> x.instanceId().equals(instance.instanceId())).findFirst().orElseThrow();
                SnapshotRecord snapshot = new SnapshotRecord(Ids.ec2("snap"), ctx.accountId(), v.volumeId(), v.size(),
                        "Created by CreateImage(" + instance.instanceId() + ") for " + imageId, v.encrypted(), v.kmsKeyId(),
                        now, snapshotting, tags.getOrDefault("snapshot", Map.of()), Set.of());
                state.putSnapshot(snapshot);
                devices.add(new ImageRecord.Device(a.device(), null, snapshot.snapshotId(), v.size(), v.volumeType(),
                        a.deleteOnTermination(), v.encrypted()));
            }
            devices.sort(Comparator.comparing(ImageRecord.Device::deviceName));
            InstanceLaunch l = instance.launch();
            ImageRecord source = images.find(l.imageId()).orElse(null);
            ImageRecord image = new ImageRecord(imageId, ctx.accountId(), null, request.name(), request.description(),
                    l.architecture(), l.platform(), l.platformDetails(), l.usageOperation(), l.rootDeviceName(), devices, now,
                    l.bootMode(), source == null ? null : source.imdsSupport(), false, Set.of(),
                    tags.getOrDefault("image", Map.of()), snapshotting, null, null);
            images.add(image);
            return CreateImageResponse.builder().imageId(imageId).build();
        }
    }
}
