package io.cloudjar.core.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AWS regions and their availability zones, shared by EC2, VPC, RDS and Lightsail. */
public final class RegionCatalog {
    private static final Map<String, Region> REGIONS = load();

    private RegionCatalog() {
    }

    public static List<Region> all() {
        return List.copyOf(REGIONS.values());
    }

    /** The region of that name, or null. */
    public static Region get(String name) {
        return REGIONS.get(name);
    }

    /** A region Cloudjar does not list (e.g. a brand-new one) still gets three zones, a to c. */
    public static Region getOrDefault(String name) {
        Region region = REGIONS.get(name);
        return region != null ? region : new Region(name, false, name.replace("-", ""), "abc", name, "");
    }

    /**
     * @param zoneIdPrefix the zone-id prefix, e.g. {@code use1} for {@code use1-az1}
     * @param zoneLetters  the zone suffixes an account sees, e.g. {@code abcdef}
     */
    public record Region(String name, boolean optIn, String zoneIdPrefix, String zoneLetters, String city, String description) {
        public List<Zone> zones() {
            List<Zone> zones = new ArrayList<>();
            for (int i = 0; i < zoneLetters.length(); i++) {
                zones.add(new Zone(name + zoneLetters.charAt(i), zoneIdPrefix + "-az" + (i + 1), name));
            }
            return Collections.unmodifiableList(zones);
        }

        public String endpoint(String service) {
            return service + "." + name + ".amazonaws.com";
        }
    }

    public record Zone(String name, String zoneId, String region) {
    }

    private static Map<String, Region> load() {
        try (InputStream in = RegionCatalog.class.getResourceAsStream("/cloudjar/regions.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Region> regions = new LinkedHashMap<>();
            for (JsonNode r : root.path("regions")) {
                Region region = new Region(r.path("name").asText(), r.path("optIn").asBoolean(), r.path("zoneIdPrefix").asText(),
                        r.path("zones").asText(), r.path("city").asText(), r.path("description").asText());
                regions.put(region.name(), region);
            }
            return Collections.unmodifiableMap(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
