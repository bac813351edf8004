package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;

/** Looks images up for a caller: unknown or invisible ids are not found; changes need ownership. */
final class ImageAccess {
    private ImageAccess() {
    }

    static ImageRecord visible(ComputeStore store, CallContext ctx, String imageId) {
        if (!ResourceIds.wellFormed(imageId, "ami")) {
            throw Ec2Errors.of("InvalidAMIID.Malformed", imageId);
        }
        return store.images(ctx.region()).find(imageId)
                .filter(i -> i.visibleTo(ctx.accountId()))
                .orElseThrow(() -> Ec2Errors.of("InvalidAMIID.NotFound", imageId));
    }

    static ImageRecord owned(ComputeStore store, CallContext ctx, String imageId) {
        ImageRecord image = visible(store, ctx, imageId);
        if (!image.ownerId().equals(ctx.accountId())) {
            throw Ec2Errors.of("AuthFailure#image", imageId);
        }
        return image;
    }
}
