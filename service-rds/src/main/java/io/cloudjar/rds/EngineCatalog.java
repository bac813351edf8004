package io.cloudjar.rds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.CharacterSet;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.Timezone;
import software.amazon.awssdk.services.rds.model.UpgradeTarget;

/**
 * The engine versions Cloudjar offers, from {@code cloudjar/rds/engine-versions.json}. Read on first use, not
 * at start-up (start-up must stay under a second); upgrade targets are derived here rather than listed.
 */
final class EngineCatalog {
    private static final String RESOURCE = "/cloudjar/rds/engine-versions.json";

    private EngineCatalog() {
    }

    /** Every version, available or not, in AWS's order: by engine, then by version. */
    static List<EngineVersion> all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<EngineVersion> ALL = load();
    }

    @JsonIgnoreProperties("_comment")
    private record Catalogue(List<String> caCertificates, List<EngineSpec> engines) {
    }

    private record EngineSpec(String engine, String description, String versionDescription, String defaultVersion,
                              List<String> exportableLogTypes, List<String> featureNames, List<String> engineModes,
                              boolean supportsIntegrations, List<CharsetSpec> characterSets, List<String> timezones,
                              List<MajorSpec> majors) {
    }

    private record MajorSpec(String major, String family, String defaultVersion, List<String> upgradesTo,
                             List<String> versions, List<String> deprecated) {
    }

    private record CharsetSpec(String name, String description) {
    }

    private static List<EngineVersion> load() {
        Catalogue catalogue;
        try (InputStream in = EngineCatalog.class.getResourceAsStream(RESOURCE)) {
            catalogue = new ObjectMapper().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        List<EngineVersion> all = new ArrayList<>();
        for (EngineSpec engine : catalogue.engines()) {
            Map<String, MajorSpec> majors = new LinkedHashMap<>();
            engine.majors().forEach(m -> majors.put(m.major(), m));
            if (engine.majors().stream().noneMatch(m -> engine.defaultVersion().equals(m.defaultVersion()))) {
                throw new IllegalStateException(engine.engine() + ": the engine default must be a major version's default");
            }
            for (MajorSpec major : engine.majors()) {
                major.versions().forEach(v -> all.add(entry(catalogue, engine, majors, major, v, "available")));
                major.deprecated().forEach(v -> all.add(entry(catalogue, engine, majors, major, v, "deprecated")));
            }
        }
        all.sort(Comparator.comparing(EngineVersion::sortKey));
        return List.copyOf(all);
    }

    private static EngineVersion entry(Catalogue catalogue, EngineSpec engine, Map<String, MajorSpec> majors,
                                       MajorSpec major, String version, String status) {
        String key = EngineVersion.sortKey(engine.engine(), version);
        List<UpgradeTarget> targets = new ArrayList<>();
        for (String later : major.versions()) {
            if (EngineVersion.sortKey(engine.engine(), later).compareTo(key) > 0) {
                targets.add(target(engine, later, false, later.equals(major.defaultVersion())));
            }
        }
        for (String next : major.upgradesTo()) {
            majors.get(next).versions().forEach(v -> targets.add(target(engine, v, true, false)));
        }
        DBEngineVersion shape = DBEngineVersion.builder()
                .engine(engine.engine()).engineVersion(version).majorEngineVersion(major.major())
                .dbParameterGroupFamily(major.family()).dbEngineDescription(engine.description())
                .dbEngineVersionDescription(String.format(engine.versionDescription(), version))
                .validUpgradeTarget(targets).exportableLogTypes(engine.exportableLogTypes())
                .supportsLogExportsToCloudwatchLogs(true).supportsReadReplica(true)
                // AWS leaves SupportedEngineModes out for the non-Aurora engines rather than sending it empty
                .supportedEngineModes(engine.engineModes().isEmpty() ? null : engine.engineModes())
                .supportedFeatureNames(engine.featureNames()).status(status)
                .supportsParallelQuery(false).supportsGlobalDatabases(false).supportsBabelfish(false)
                .supportsLimitlessDatabase(false).supportsCertificateRotationWithoutRestart(true)
                .supportedCACertificateIdentifiers(catalogue.caCertificates())
                .supportsLocalWriteForwarding(false).supportsIntegrations(engine.supportsIntegrations())
                .build();
        List<CharacterSet> charsets = engine.characterSets().stream()
                .map(c -> CharacterSet.builder().characterSetName(c.name()).characterSetDescription(c.description()).build())
                .toList();
        List<Timezone> zones = engine.timezones().stream().map(z -> Timezone.builder().timezoneName(z).build()).toList();
        return new EngineVersion(engine.engine(), version, major.family(), status, key,
                version.equals(engine.defaultVersion()), version.equals(major.defaultVersion()),
                engine.engineModes(), charsets, zones, shape);
    }

    private static UpgradeTarget target(EngineSpec engine, String version, boolean major, boolean autoUpgrade) {
        return UpgradeTarget.builder().engine(engine.engine()).engineVersion(version)
                .description(String.format(engine.versionDescription(), version))
                .autoUpgrade(autoUpgrade).isMajorVersionUpgrade(major).build();
    }
}
