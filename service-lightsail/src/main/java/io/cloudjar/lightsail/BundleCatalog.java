package io.cloudjar.lightsail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Bundle;

/** The instance plans of {@code bundles.json}, read on the first GetBundles call (start-up stays cheap). */
final class BundleCatalog {
    private BundleCatalog() {
    }

    static List<Bundle> all() {
        return Holder.BUNDLES;
    }

    static java.util.Optional<Bundle> find(String bundleId) {
        return all().stream().filter(b -> b.bundleId().equals(bundleId)).findFirst();
    }

    /** Class-holder idiom: the JVM loads the file once, thread-safely, when first used. */
    private static final class Holder {
        static final List<Bundle> BUNDLES = load();
    }

    private static List<Bundle> load() {
        try (InputStream in = BundleCatalog.class.getResourceAsStream("bundles.json")) {
            if (in == null) {
                throw new IllegalStateException("bundles.json missing from the class path");
            }
            List<Bundle> bundles = new ArrayList<>();
            for (JsonNode b : new ObjectMapper().readTree(in).path("bundles")) {
                bundles.add(Bundle.builder()
                        .bundleId(b.path("bundleId").asText())
                        .name(b.path("name").asText())
                        .instanceType(b.path("instanceType").asText())
                        .price((float) b.path("price").asDouble())
                        .cpuCount(b.path("cpuCount").asInt())
                        .ramSizeInGb((float) b.path("ramSizeInGb").asDouble())
                        .diskSizeInGb(b.path("diskSizeInGb").asInt())
                        .transferPerMonthInGb(b.path("transferPerMonthInGb").asInt())
                        .power(b.path("power").asInt())
                        .supportedPlatformsWithStrings(texts(b.path("supportedPlatforms")))
                        .supportedAppCategoriesWithStrings(texts(b.path("supportedAppCategories")))
                        .publicIpv4AddressCount(b.path("publicIpv4AddressCount").asInt())
                        .isActive(b.path("isActive").asBoolean())
                        .build());
            }
            return List.copyOf(bundles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A missing array reads as empty: AWS sends {@code "supportedAppCategories": []} for standard plans. */
    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
