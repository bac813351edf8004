package io.cloudjar.vpc.api;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * EC2's errors, one catalogue for service-vpc and service-ec2: {@code throw Ec2Errors.of("InvalidVpcID.NotFound", vpcId)}.
 *
 * <p>Each error is a row of {@value #RESOURCE}: key, HTTP status and message template. The key is the code EC2
 * answers with, or {@code code#variant} when one code has several messages ({@code InvalidParameterValue#cidrBlock});
 * the arguments fill the template's placeholders.
 *
 * <p>Keys are string literals rather than constants: a call then reads as the error it raises and the catalogue
 * stays data, in one place. What constants would check, {@code Ec2ErrorKeysTest} checks on the sources of both
 * modules: every key used has a row, every row is used, and each call passes as many arguments as its template
 * has placeholders. The file is read on the first error, not at start-up; a malformed row fails that read.
 */
public final class Ec2Errors {
    static final String RESOURCE = "/cloudjar/vpc/ec2-errors.tsv";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.]+(#[A-Za-z0-9]+)?");

    private Ec2Errors() {
    }

    /** The error of {@code key}, its template formatted with {@code args}. */
    public static AwsException of(String key, Object... args) {
        Entry entry = Catalogue.ENTRIES.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("No EC2 error " + key + " in " + RESOURCE);
        }
        return AwsErrors.of(entry.code(), entry.status(), entry.template(), args);
    }

    /** One row: the code sent (the key up to {@code #}), its status and message template. */
    record Entry(String code, int status, String template) {
    }

    /** Holds the catalogue, so it is read when the first error is raised. */
    private static final class Catalogue {
        static final Map<String, Entry> ENTRIES = parse(DataFiles.tsv(RESOURCE));
    }

    /** The rows by key; a row without three columns, with a bad key or status, or a repeated key is refused. */
    static Map<String, Entry> parse(List<String[]> rows) {
        Map<String, Entry> entries = new HashMap<>();
        for (String[] row : rows) {
            String text = String.join("\\t", row);
            if (row.length != 3 || !KEY.matcher(row[0]).matches() || !row[1].matches("[45]\\d\\d") || row[2].isBlank()) {
                throw new IllegalStateException("Malformed row in " + RESOURCE + ": " + text);
            }
            String code = row[0].split("#", 2)[0];
            if (entries.put(row[0], new Entry(code, Integer.parseInt(row[1]), row[2])) != null) {
                throw new IllegalStateException("Repeated key in " + RESOURCE + ": " + text);
            }
        }
        return Map.copyOf(entries);
    }

    /** Every row by key, for tests. */
    static Map<String, Entry> entries() {
        return Catalogue.ENTRIES;
    }
}
