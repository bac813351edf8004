package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AppCategory;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.InstancePlatform;
import software.amazon.awssdk.services.lightsail.model.LightsailException;

class BundlesTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void activePlansAreTheCurrentGeneration() {
        List<Bundle> bundles = lightsail.getBundles().bundles();
        assertThat(bundles).allSatisfy(b -> assertThat(b.isActive()).isTrue());
        assertThat(bundles).extracting(Bundle::bundleId).doesNotContain("nano_2_0", "micro_2_0", "nano_win_2_0")
                .contains("nano_3_0", "2xlarge_3_0", "nano_win_3_0", "nano_ipv6_3_0", "2xlarge_ipv6_3_0");
        assertThat(bundles).extracting(Bundle::bundleId).doesNotHaveDuplicates();
        assertThat(bundles).filteredOn(b -> b.bundleId().endsWith("_3_0") && !b.bundleId().contains("win")
                        && !b.bundleId().contains("ipv6") && !b.bundleId().startsWith("4x"))
                .extracting(Bundle::bundleId, Bundle::price, Bundle::ramSizeInGb, Bundle::cpuCount, Bundle::diskSizeInGb,
                        Bundle::transferPerMonthInGb, Bundle::instanceType, Bundle::name)
                .containsExactly(
                        tuple("nano_3_0", 5.0f, 0.5f, 2, 20, 1024, "nano", "Nano"),
                        tuple("micro_3_0", 7.0f, 1.0f, 2, 40, 2048, "micro", "Micro"),
                        tuple("small_3_0", 12.0f, 2.0f, 2, 60, 3072, "small", "Small"),
                        tuple("medium_3_0", 24.0f, 4.0f, 2, 80, 4096, "medium", "Medium"),
                        tuple("large_3_0", 44.0f, 8.0f, 2, 160, 5120, "large", "Large"),
                        tuple("xlarge_3_0", 84.0f, 16.0f, 4, 320, 6144, "xlarge", "Xlarge"),
                        tuple("2xlarge_3_0", 164.0f, 32.0f, 8, 640, 7168, "2xlarge", "2Xlarge"));
    }

    @Test
    void ipv6OnlyAndWindowsPlansCarryTheirPlatformAndAddressCount() {
        List<Bundle> bundles = lightsail.getBundles().bundles();
        Bundle ipv6 = find(bundles, "nano_ipv6_3_0");
        assertThat(ipv6.price()).isEqualTo(3.5f);
        assertThat(ipv6.publicIpv4AddressCount()).isZero();
        assertThat(ipv6.supportedPlatforms()).containsExactly(InstancePlatform.LINUX_UNIX);
        assertThat(find(bundles, "2xlarge_ipv6_3_0").price()).isEqualTo(160.0f);
        assertThat(find(bundles, "nano_3_0").publicIpv4AddressCount()).isEqualTo(1);
        assertThat(find(bundles, "nano_3_0").power()).isEqualTo(298);

        Bundle windows = find(bundles, "nano_win_3_0");
        assertThat(windows.price()).isEqualTo(9.5f);
        assertThat(windows.diskSizeInGb()).isEqualTo(30);
        assertThat(windows.supportedPlatforms()).containsExactly(InstancePlatform.WINDOWS);
        // Standard plans belong to no app category; the list is there, empty, as AWS sends it.
        assertThat(windows.hasSupportedAppCategories()).isTrue();
        assertThat(windows.supportedAppCategories()).isEmpty();
    }

    /** The plans of the study notes ($3.50 / 512 MB / 1 vCPU / 20 GB / 1 TB ...) are the retired 2_0 generation. */
    @Test
    void inactivePlansOnlyWhenAskedFor() {
        List<Bundle> all = lightsail.getBundles(r -> r.includeInactive(true)).bundles();
        assertThat(all).filteredOn(b -> !b.isActive()).extracting(Bundle::bundleId)
                .contains("nano_2_0", "micro_2_0", "small_2_0", "medium_2_0", "large_2_0", "xlarge_2_0", "2xlarge_2_0");
        assertThat(all).filteredOn(b -> b.bundleId().matches("(nano|micro|small)_2_0"))
                .extracting(Bundle::price, Bundle::ramSizeInGb, Bundle::cpuCount, Bundle::diskSizeInGb, Bundle::transferPerMonthInGb)
                .containsExactly(tuple(3.5f, 0.5f, 1, 20, 1024), tuple(5.0f, 1.0f, 1, 40, 2048), tuple(10.0f, 2.0f, 1, 60, 3072));
        assertThat(find(all, "medium_2_0").price()).isEqualTo(20.0f);
        assertThat(find(all, "2xlarge_2_0").price()).isEqualTo(160.0f);
        assertThat(all).filteredOn(Bundle::isActive).hasSameSizeAs(lightsail.getBundles().bundles());
        assertThat(lightsail.getBundles(r -> r.includeInactive(false)).bundles()).noneMatch(b -> !b.isActive());
    }

    @Test
    void researchCategoryIsEmptyAndUnknownValuesAreRefused() {
        assertThat(lightsail.getBundles(r -> r.appCategory(AppCategory.LFR)).bundles()).isEmpty();
        assertThatThrownBy(() -> lightsail.getBundles(r -> r.appCategory("Games")))
                .isInstanceOfSatisfying(LightsailException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
                });
    }

    @Test
    void everythingFitsOnePageAndForeignTokensAreRefused() {
        assertThat(lightsail.getBundles().nextPageToken()).isNull();
        assertThat(lightsail.getBundles(r -> r.includeInactive(true)).nextPageToken()).isNull();
        assertThat(lightsail.getBundles(r -> r.pageToken("")).bundles()).isNotEmpty();
        assertThatThrownBy(() -> lightsail.getBundles(r -> r.pageToken("bogus")))
                .isInstanceOfSatisfying(LightsailException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException"));
    }

    private static Bundle find(List<Bundle> bundles, String id) {
        return bundles.stream().filter(b -> b.bundleId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + id));
    }
}
