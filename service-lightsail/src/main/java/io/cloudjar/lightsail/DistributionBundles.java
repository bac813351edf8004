package io.cloudjar.lightsail;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.DistributionBundle;

/** Lightsail CDN plans: monthly price (USD) and transfer out, as GetDistributionBundles lists them. */
final class DistributionBundles {
    static final List<DistributionBundle> ALL = List.of(
            bundle("small_1_0", "Small", 2.5f, 50),
            bundle("medium_1_0", "Medium", 35f, 1000),
            bundle("large_1_0", "Large", 75f, 2500));

    private DistributionBundles() {
    }

    /** An active bundle, or InvalidInputException naming the valid ones. */
    static DistributionBundle get(String bundleId) {
        return find(bundleId).orElseThrow(() -> LightsailErrors.invalidInput("The bundle ID %s is not valid. Valid bundle"
                + " IDs: small_1_0, medium_1_0, large_1_0.", bundleId));
    }

    static Optional<DistributionBundle> find(String bundleId) {
        return ALL.stream().filter(b -> b.bundleId().equals(bundleId)).findFirst();
    }

    private static DistributionBundle bundle(String id, String name, float price, int transferGb) {
        return DistributionBundle.builder().bundleId(id).name(name).price(price).transferPerMonthInGb(transferGb)
                .isActive(true).build();
    }
}
