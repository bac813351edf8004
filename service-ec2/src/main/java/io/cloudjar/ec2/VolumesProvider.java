package io.cloudjar.ec2;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.TagSpecifications;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Volume;

/** CreateVolume, DescribeVolumes and DeleteVolume; attachments and modifications have their own providers. */
public final class VolumesProvider extends ComputeProvider {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_PAGE = 500;

    public CreateVolumeResponse createVolume(CallContext ctx, CreateVolumeRequest request) {
        ComputeState state = state(ctx);
        if (request.clientToken() == null) {
            return create(ctx, request, state);
        }
        synchronized (state) { // one volume per ClientToken, even for concurrent retries
            return create(ctx, request, state);
        }
    }

    private CreateVolumeResponse create(CallContext ctx, CreateVolumeRequest request, ComputeState state) {
        var earlier = state.byClientToken(request.clientToken()).flatMap(state::volume);
        if (earlier.isPresent()) {
            return VolumeViews.created(earlier.get());
        }
        RegionCatalog.Zone zone = ResourceIds.zone(ctx.region(), request.availabilityZone(), request.availabilityZoneId());
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "volume");
        Encryption.checkKmsDependency(request.kmsKeyId(), request.encrypted());
        SnapshotRecord snapshot = null;
        if (request.snapshotId() != null) {
            snapshot = state.requireSnapshot(request.snapshotId());
            if (!snapshot.state(ctx.receivedAt()).equals("completed")) {
                throw Ec2Errors.of("IncorrectState#snapshot", snapshot.snapshotId());
            }
        }
        VolumeRules.Spec spec = VolumeRules.check(request.volumeTypeAsString(), request.size(), request.iops(),
                request.throughput(), request.multiAttachEnabled(), request.snapshotId(),
                snapshot == null ? null : snapshot.volumeSize());
        // A volume made from an encrypted snapshot is encrypted whatever the request says.
        boolean encrypted = Boolean.TRUE.equals(request.encrypted()) || (snapshot != null && snapshot.encrypted());
        String kmsKey = Encryption.keyFor(encrypted, request.kmsKeyId(), snapshot == null ? null : snapshot.kmsKeyId(),
                ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        VolumeRecord volume = new VolumeRecord(Ids.ec2("vol"), ctx.accountId(), zone.name(), zone.zoneId(), spec.size(),
                spec.volumeType(), spec.iops(), spec.throughput(), encrypted, kmsKey,
                snapshot == null ? null : snapshot.snapshotId(), spec.multiAttachEnabled(), now,
                new Lifecycle(now, store.timings().volumeCreate()), List.of(), tags, null);
        state.putVolume(volume);
        state.rememberClientToken(request.clientToken(), volume.volumeId());
        return VolumeViews.created(volume);
    }

    public DescribeVolumesResponse describeVolumes(CallContext ctx, DescribeVolumesRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        VolumeFilters.FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), MIN_RESULTS, Integer.MAX_VALUE);
        DescribePaging.rejectIdsWithMaxResults(request.volumeIds(), request.maxResults(), "VolumeIds");
        ResourceIds.checkAll(request.volumeIds(), "vol", id -> Ec2Errors.of("InvalidVolumeID.Malformed", id));
        ComputeState state = state(ctx);
        Instant now = store.now();
        List<VolumeRecord> candidates = request.volumeIds().isEmpty() ? List.copyOf(state.volumes())
                : request.volumeIds().stream().distinct().map(state::requireVolume).toList();
        List<Volume> matching = candidates.stream().map(v -> VolumeViews.volume(v, now))
                .filter(v -> VolumeFilters.FILTERS.matches(v, filters)).toList();
        Integer limit = request.maxResults() == null ? null : Math.min(request.maxResults(), MAX_PAGE);
        Pages.Page<Volume> page = DescribePaging.page(matching, Volume::volumeId, limit, request.nextToken());
        return DescribeVolumesResponse.builder().volumes(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteVolumeResponse deleteVolume(CallContext ctx, DeleteVolumeRequest request) {
        ComputeState state = state(ctx);
        synchronized (state) {
            VolumeRecord volume = state.requireVolume(request.volumeId());
            List<VolumeRecord.Attachment> live = volume.liveAttachments(store.now());
            if (!live.isEmpty()) {
                throw Ec2Errors.of("VolumeInUse", volume.volumeId(), live.get(0).instanceId());
            }
            state.removeVolume(volume.volumeId());
        }
        return DeleteVolumeResponse.builder().build();
    }
}
