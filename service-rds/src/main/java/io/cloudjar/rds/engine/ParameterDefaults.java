package io.cloudjar.rds.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine-default parameters AWS lists for its database engines, from {@code cloudjar/rds/default-parameters.tsv}
 * (read on first use): RDS's default parameter groups and Lightsail's managed databases both answer them.
 */
public final class ParameterDefaults {
    private static final String RESOURCE = "/cloudjar/rds/default-parameters.tsv";

    private ParameterDefaults() {
    }

    /**
     * The defaults of one engine column, sorted by name: {@code postgres} (every PostgreSQL version), {@code mysql}
     * (MySQL and MariaDB), {@code aurora-postgresql-cluster}, {@code aurora-mysql-cluster}.
     */
    public static List<ParameterDefinition> of(String engine) {
        return Holder.ALL.stream().filter(d -> d.engine().equals(engine)).toList();
    }

    private static final class Holder {
        static final List<ParameterDefinition> ALL = load();
    }

    private static List<ParameterDefinition> load() {
        List<ParameterDefinition> all = new ArrayList<>();
        try (InputStream in = ParameterDefaults.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                all.add(new ParameterDefinition(f[0], f[1], dash(f[2]), f[3], dash(f[4]), f[5], Boolean.parseBoolean(f[6]), f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        all.sort(Comparator.comparing(ParameterDefinition::name));
        return List.copyOf(all);
    }

    private static String dash(String field) {
        return field.equals("-") ? null : field;
    }
}
