package io.cloudjar.ec2;

import io.cloudjar.core.persist.DurableMap;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The images of one region as all accounts see them: the read-only public catalogue and the images that
 * accounts own (private, shared with other accounts or made public). Visibility is decided per caller.
 */
final class RegionImages {
    private final String region;
    private final ConcurrentSkipListMap<String, ImageRecord> owned = new ConcurrentSkipListMap<>();
    private final DurableMap<ImageRecord> durable;

    RegionImages(String region, DurableMap<ImageRecord> durable) {
        this.region = region;
        this.durable = durable;
    }

    /** An image the state file kept. */
    void restore(ImageRecord image) {
        owned.put(image.imageId(), image);
    }

    Stream<ImageRecord> all() {
        return Stream.concat(ImageCatalog.forRegion(region).stream(), owned.values().stream());
    }

    Optional<ImageRecord> find(String imageId) {
        if (imageId == null) {
            return Optional.empty();
        }
        ImageRecord mine = owned.get(imageId);
        return mine != null ? Optional.of(mine) : ImageCatalog.byId(region, imageId);
    }

    Collection<ImageRecord> owned() {
        return owned.values();
    }

    /** Adds an account's image; names are unique per owner and region. */
    synchronized void add(ImageRecord image) {
        checkNameFree(image.ownerId(), image.name());
        owned.put(image.imageId(), image);
        durable.put(image.imageId(), image);
    }

    void checkNameFree(String ownerId, String name) {
        owned.values().stream()
                .filter(i -> i.ownerId().equals(ownerId) && i.name().equals(name))
                .findFirst()
                .ifPresent(i -> {
                    throw Ec2Errors.of("InvalidAMIName.Duplicate", name, i.imageId());
                });
    }

    /** Replaces an account's image (catalogue images never change). */
    synchronized void replace(ImageRecord image) {
        if (owned.replace(image.imageId(), image) != null) {
            durable.put(image.imageId(), image);
        }
    }

    synchronized Optional<ImageRecord> remove(String imageId) {
        durable.remove(imageId);
        return Optional.ofNullable(owned.remove(imageId));
    }

    boolean isCatalogue(String imageId) {
        return !owned.containsKey(imageId) && ImageCatalog.byId(region, imageId).isPresent();
    }
}
