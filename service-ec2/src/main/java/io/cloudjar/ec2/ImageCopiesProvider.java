package io.cloudjar.ec2;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.CopyImageResponse;

/**
 * CopyImage: a private copy owned by the caller in the caller's region, {@code pending} until its new EBS
 * snapshots (also the caller's, visible in DescribeSnapshots) complete.
 */
public final class ImageCopiesProvider extends ComputeProvider {
    public CopyImageResponse copyImage(CallContext ctx, CopyImageRequest request) {
        ComputeState state = state(ctx);
        var earlier = state.byClientToken(request.clientToken());
        if (earlier.isPresent()) {
            return CopyImageResponse.builder().imageId(earlier.get()).build();
        }
        if (RegionCatalog.get(request.sourceRegion()) == null) {
            throw Ec2Errors.of("InvalidParameterValue#region", request.sourceRegion());
        }
        ImageNames.check(request.name());
        Encryption.checkKmsDependency(request.kmsKeyId(), request.encrypted());
        Map<String, Map<String, String>> tags = TagSpecifications.tagsFor(request.tagSpecifications(), Set.of("image", "snapshot"));
        ImageRecord source = store.images(request.sourceRegion()).find(request.sourceImageId())
                .filter(i -> i.visibleTo(ctx.accountId()))
                .orElseThrow(() -> Ec2Errors.of("InvalidAMIID.NotFound", request.sourceImageId()));

        store.images(ctx.region()).checkNameFree(ctx.accountId(), request.name());
        Instant now = ctx.receivedAt();
        String imageId = Ids.ec2("ami");
        Lifecycle copying = new Lifecycle(now, store.timings().image());
        List<ImageRecord.Device> devices = new ArrayList<>();
        for (ImageRecord.Device d : source.devices()) {
            if (!d.isEbs()) {
                devices.add(d);
                continue;
            }
            boolean encrypted = Boolean.TRUE.equals(d.encrypted()) || Boolean.TRUE.equals(request.encrypted());
            SnapshotRecord snapshot = SnapshotRecord.copy(ctx.accountId(), d.volumeSize(),
                    "Copied for DestinationAmi " + imageId + " from SourceAmi " + source.imageId() + " for SourceSnapshot "
                            + d.snapshotId() + ". Task created on " + now.toEpochMilli() + ".",
                    encrypted, Encryption.keyFor(encrypted, request.kmsKeyId(), null, ctx.accountId(), ctx.region()),
                    copying, tags.getOrDefault("snapshot", Map.of()));
            state.putSnapshot(snapshot);
            devices.add(new ImageRecord.Device(d.deviceName(), null, snapshot.snapshotId(), d.volumeSize(), d.volumeType(),
                    d.deleteOnTermination(), encrypted));
        }
        Map<String, String> imageTags = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(request.copyImageTags()) && source.ownerId().equals(ctx.accountId())) {
            imageTags.putAll(source.tags());
        }
        imageTags.putAll(tags.getOrDefault("image", Map.of()));
        ImageRecord copy = new ImageRecord(imageId, ctx.accountId(), null, request.name(),
                request.description() != null ? request.description() : source.description(), source.architecture(),
                source.platform(), source.platformDetails(), source.usageOperation(), source.rootDeviceName(), devices, now,
                source.bootMode(), source.imdsSupport(), false, Set.of(), imageTags, copying, source.imageId(),
                request.sourceRegion());
        store.images(ctx.region()).add(copy);
        state.rememberClientToken(request.clientToken(), imageId);
        return CopyImageResponse.builder().imageId(imageId).build();
    }
}
