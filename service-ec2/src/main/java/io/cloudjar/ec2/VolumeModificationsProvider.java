package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeModification;

/**
 * ModifyVolume (elastic volumes) and DescribeVolumesModifications. The new size and performance apply at
 * once; the modification then runs {@code modifying → optimizing → completed}, and EC2's rule of one
 * modification per volume every six hours holds on the emulator clock.
 */
public final class VolumeModificationsProvider extends ComputeProvider {
    private static final Duration COOL_DOWN = Duration.ofHours(6);
    private static final Filters<VolumeModification> FILTERS = new Filters<VolumeModification>()
            .onValue("modification-state", VolumeModification::modificationStateAsString)
            .onValue("original-iops", VolumeModification::originalIops)
            .onValue("original-size", VolumeModification::originalSize)
            .onValue("original-volume-type", VolumeModification::originalVolumeTypeAsString)
            .onValue("original-multi-attach-enabled", VolumeModification::originalMultiAttachEnabled)
            .onValue("start-time", VolumeModification::startTime)
            .onValue("target-iops", VolumeModification::targetIops)
            .onValue("target-size", VolumeModification::targetSize)
            .onValue("target-volume-type", VolumeModification::targetVolumeTypeAsString)
            .onValue("target-multi-attach-enabled", VolumeModification::targetMultiAttachEnabled)
            .onValue("volume-id", VolumeModification::volumeId);

    public ModifyVolumeResponse modifyVolume(CallContext ctx, ModifyVolumeRequest request) {
        ComputeState state = state(ctx);
        Instant now = store.now();
        synchronized (state) {
            VolumeRecord volume = state.requireVolume(request.volumeId());
            if (volume.modification() != null) {
                if (!volume.modification().lifecycle().isDone(now)) {
                    throw Ec2Errors.of("IncorrectModificationState", volume.volumeId());
                }
                if (now.isBefore(volume.modification().lifecycle().start().plus(COOL_DOWN))) {
                    throw Ec2Errors.of("VolumeModificationRateExceeded");
                }
            }
            VolumeRules.Spec original = volume.spec();
            VolumeRules.Spec target = target(volume, request);
            if (target.size() < original.size()) {
                throw Ec2Errors.of("InvalidParameterValue#modificationShrink");
            }
            if (target.equals(original)) {
                throw Ec2Errors.of("InvalidParameterValue#modificationSame");
            }
            VolumeRecord.Modification modification = new VolumeRecord.Modification(original, target,
                    new Lifecycle(now, store.timings().volumeModification()));
            VolumeRecord modified = volume.modified(target, modification);
            state.putVolume(modified);
            return ModifyVolumeResponse.builder().volumeModification(VolumeViews.modification(modified, now)).build();
        }
    }

    public DescribeVolumesModificationsResponse describeVolumesModifications(CallContext ctx,
                                                                             DescribeVolumesModificationsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, 500);
        ComputeState state = state(ctx);
        Instant now = store.now();
        for (String id : request.volumeIds()) {
            if (state.requireVolume(id).modification() == null) {
                throw Ec2Errors.of("InvalidVolumeModification.NotFound", id);
            }
        }
        List<VolumeModification> all = state.volumes().stream()
                .filter(v -> v.modification() != null)
                .filter(v -> request.volumeIds().isEmpty() || request.volumeIds().contains(v.volumeId()))
                .map(v -> VolumeViews.modification(v, now))
                .filter(m -> FILTERS.matches(m, filters))
                .toList();
        Pages.Page<VolumeModification> page = DescribePaging.page(all, VolumeModification::volumeId,
                request.maxResults(), request.nextToken());
        return DescribeVolumesModificationsResponse.builder().volumesModifications(page.items())
                .nextToken(page.nextToken()).build();
    }

    /**
     * The requested configuration: omitted members keep their values, except that IOPS and throughput the
     * new type does not support are dropped (gp2 → gp3 gets gp3's baseline).
     */
    private static VolumeRules.Spec target(VolumeRecord volume, ModifyVolumeRequest request) {
        String type = Objects.requireNonNullElse(request.volumeTypeAsString(), volume.volumeType());
        boolean sameType = type.equals(volume.volumeType());
        boolean provisioned = type.equals("gp3") || type.startsWith("io");
        Integer iops = request.iops() != null ? request.iops() : sameType && provisioned ? volume.iops() : null;
        Integer throughput = request.throughput() != null ? request.throughput()
                : sameType && type.equals("gp3") ? volume.throughput() : null;
        Boolean multi = request.multiAttachEnabled() != null ? request.multiAttachEnabled() : volume.multiAttachEnabled();
        int size = request.size() != null ? request.size() : volume.size();
        return VolumeRules.check(type, size, iops, throughput, multi, null, null);
    }
}
