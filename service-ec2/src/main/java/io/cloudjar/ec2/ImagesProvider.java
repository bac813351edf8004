package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotReturnCode;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * DescribeImages over the region's catalogue and account images (owners, executable users, ids, filters,
 * paging) and DeregisterImage. Attributes and copies have their own providers.
 */
public final class ImagesProvider extends ComputeProvider {
    private static final Set<String> OWNER_ALIASES = Set.of("amazon", "aws-marketplace", "aws-backup-vault");

    public DescribeImagesResponse describeImages(CallContext ctx, DescribeImagesRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        ImageViews.FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, Integer.MAX_VALUE);
        DescribePaging.rejectIdsWithMaxResults(request.imageIds(), request.maxResults(), "ImageIds");
        for (String id : request.imageIds()) {
            if (!ResourceIds.wellFormed(id, "ami")) {
                throw Ec2Errors.of("InvalidAMIID.Malformed", id);
            }
        }
        RegionImages images = store.images(ctx.region());
        String caller = ctx.accountId();
        List<String> missing = request.imageIds().stream().distinct()
                .filter(id -> images.find(id).filter(i -> i.visibleTo(caller)).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw Ec2Errors.of("InvalidAMIID.NotFound", String.join(", ", missing));
        }
        Instant now = store.now();
        List<Image> matching = images.all()
                .filter(i -> i.visibleTo(caller))
                .filter(i -> request.imageIds().isEmpty() || request.imageIds().contains(i.imageId()))
                .filter(i -> request.owners().isEmpty() || request.owners().stream().anyMatch(o -> ownedBy(i, o, caller)))
                .filter(i -> request.executableUsers().isEmpty()
                        || request.executableUsers().stream().anyMatch(u -> executableBy(i, u, caller)))
                .map(i -> ImageViews.image(i, now))
                .filter(i -> ImageViews.FILTERS.matches(i, filters))
                .toList();
        Integer limit = request.maxResults() == null ? null : Math.min(request.maxResults(), 1000);
        Pages.Page<Image> page = DescribePaging.page(matching, Image::imageId, limit, request.nextToken());
        return DescribeImagesResponse.builder().images(page.items()).nextToken(page.nextToken()).build();
    }

    /** Only the owner may deregister; the snapshots stay unless {@code DeleteAssociatedSnapshots} is set. */
    public DeregisterImageResponse deregisterImage(CallContext ctx, DeregisterImageRequest request) {
        ImageRecord image = ImageAccess.owned(store, ctx, request.imageId());
        store.images(ctx.region()).remove(image.imageId());
        List<DeleteSnapshotReturnCode> results = new ArrayList<>();
        if (Boolean.TRUE.equals(request.deleteAssociatedSnapshots())) {
            ComputeState state = state(ctx);
            for (ImageRecord.Device device : image.devices()) {
                if (device.snapshotId() != null && state.snapshot(device.snapshotId()).isPresent()) {
                    state.removeSnapshot(device.snapshotId());
                    results.add(DeleteSnapshotReturnCode.builder().snapshotId(device.snapshotId()).returnCode("success").build());
                }
            }
        }
        return DeregisterImageResponse.builder().returnValue(true)
                .deleteSnapshotResults(results.isEmpty() ? null : results).build();
    }

    /** {@code self}, an alias such as {@code amazon}, or an account id. */
    private static boolean ownedBy(ImageRecord image, String owner, String caller) {
        if (owner.equals("self")) {
            return image.ownerId().equals(caller);
        }
        if (OWNER_ALIASES.contains(owner)) {
            return owner.equals(image.ownerAlias());
        }
        return owner.equals(image.ownerId());
    }

    /**
     * {@code all}: public images; {@code self} (or the caller's id): images the caller owns or that are shared
     * with it explicitly; another account: the caller's images shared with that account.
     */
    private static boolean executableBy(ImageRecord image, String user, String caller) {
        if (user.equals("all")) {
            return image.isPublic();
        }
        if (user.equals("self") || user.equals(caller)) {
            return image.ownerId().equals(caller) || image.launchUserIds().contains(caller);
        }
        return image.ownerId().equals(caller) && image.launchUserIds().contains(user);
    }
}
