package io.cloudjar.lightsail;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.BucketBundle;

/** Lightsail object storage plans: monthly price (USD), storage and transfer, as GetBucketBundles lists them. */
final class BucketBundles {
    static final List<BucketBundle> ALL = List.of(
            bundle("small_1_0", "Small", 1f, 5, 25),
            bundle("medium_1_0", "Medium", 3f, 100, 250),
            bundle("large_1_0", "Large", 5f, 250, 500));

    private BucketBundles() {
    }

    /** An active bundle, or InvalidInputException naming the valid ones. */
    static BucketBundle get(String bundleId) {
        return find(bundleId).orElseThrow(() -> LightsailErrors.invalidInput("The bundle ID %s is not valid. Valid bundle"
                + " IDs: small_1_0, medium_1_0, large_1_0.", bundleId));
    }

    static Optional<BucketBundle> find(String bundleId) {
        return ALL.stream().filter(b -> b.bundleId().equals(bundleId)).findFirst();
    }

    private static BucketBundle bundle(String id, String name, float price, int storageGb, int transferGb) {
        return BucketBundle.builder().bundleId(id).name(name).price(price).storagePerMonthInGb(storageGb)
                .transferPerMonthInGb(transferGb).isActive(true).build();
    }
}
