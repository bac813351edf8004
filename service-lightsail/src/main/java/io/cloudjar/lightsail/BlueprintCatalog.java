package io.cloudjar.lightsail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.Blueprint;
import software.amazon.awssdk.services.lightsail.model.InstancePlatform;

/** The images of {@code blueprints.json}, read on first use: what GetBlueprints lists and what instances start from. */
final class BlueprintCatalog {
    /** A blueprint and what an instance made from it gets: its login user and the ports its firewall opens. */
    record Entry(Blueprint blueprint, String username, List<Integer> ports) {
        boolean windows() {
            return blueprint.platform() == InstancePlatform.WINDOWS;
        }
    }

    private BlueprintCatalog() {
    }

    static List<Entry> all() {
        return Holder.ENTRIES;
    }

    static Optional<Entry> find(String blueprintId) {
        return all().stream().filter(e -> e.blueprint().blueprintId().equals(blueprintId)).findFirst();
    }

    private static final class Holder {
        static final List<Entry> ENTRIES = load();
    }

    private static List<Entry> load() {
        try (InputStream in = BlueprintCatalog.class.getResourceAsStream("blueprints.json")) {
            if (in == null) {
                throw new IllegalStateException("blueprints.json missing from the class path");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode b : new ObjectMapper().readTree(in).path("blueprints")) {
                Blueprint blueprint = Blueprint.builder()
                        .blueprintId(b.path("blueprintId").asText())
                        .name(b.path("name").asText())
                        .group(b.path("group").asText())
                        .type(b.path("type").asText())
                        .description(b.path("description").asText())
                        .isActive(b.path("isActive").asBoolean())
                        .minPower(b.path("minPower").asInt())
                        .version(b.path("version").asText())
                        .versionCode(b.path("versionCode").asText())
                        .productUrl(b.path("productUrl").asText())
                        .licenseUrl(b.path("licenseUrl").asText())
                        .platform(b.path("platform").asText())
                        .build();
                List<Integer> ports = new ArrayList<>();
                b.path("ports").forEach(p -> ports.add(p.asInt()));
                entries.add(new Entry(blueprint, b.path("username").asText(), List.copyOf(ports)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
