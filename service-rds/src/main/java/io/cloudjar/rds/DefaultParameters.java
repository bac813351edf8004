package io.cloudjar.rds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The engine-default parameters of each family, from {@code cloudjar/rds/default-parameters.tsv}, read on first use. */
final class DefaultParameters {
    private static final String RESOURCE = "/cloudjar/rds/default-parameters.tsv";

    /** One default parameter; {@code value} null where AWS lists none. */
    record Definition(String engine, String name, String value, String dataType, String allowedValues,
                      String applyType, boolean modifiable, String description) {
        boolean isStatic() {
            return "static".equals(applyType);
        }
    }

    private DefaultParameters() {
    }

    /** The defaults of a family, sorted by name (postgres16 → the postgres rows; mysql8.0, mariadb11.4 → mysql's). */
    static List<Definition> of(String family) {
        String engine = family.startsWith("postgres") || family.startsWith("aurora-postgresql") ? "postgres" : "mysql";
        return Holder.ALL.stream().filter(d -> d.engine().equals(engine)).toList();
    }

    /** The defaults of a DB cluster parameter group's family (aurora-postgresql16 → the aurora-postgresql-cluster rows). */
    static List<Definition> ofCluster(String family) {
        String engine = (family.startsWith("aurora-postgresql") ? "aurora-postgresql" : "aurora-mysql") + "-cluster";
        return Holder.ALL.stream().filter(d -> d.engine().equals(engine)).toList();
    }

    /** The families of DB cluster parameter groups: the Aurora engines'. */
    static boolean isClusterFamily(String family) {
        return isFamily(family) && Aurora.is(family.toLowerCase(Locale.ROOT));
    }

    /** The families RDS offers: those of the engine catalogue. */
    static Set<String> families() {
        return Holder.FAMILIES;
    }

    static boolean isFamily(String family) {
        return family != null && Holder.FAMILIES.contains(family.toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final List<Definition> ALL = load();
        static final Set<String> FAMILIES = EngineCatalog.all().stream().map(EngineVersion::family).collect(Collectors.toSet());
    }

    private static List<Definition> load() {
        List<Definition> all = new ArrayList<>();
        try (InputStream in = DefaultParameters.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                all.add(new Definition(f[0], f[1], dash(f[2]), f[3], dash(f[4]), f[5], Boolean.parseBoolean(f[6]), f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        all.sort(java.util.Comparator.comparing(Definition::name));
        return List.copyOf(all);
    }

    private static String dash(String field) {
        return field.equals("-") ? null : field;
    }
}
