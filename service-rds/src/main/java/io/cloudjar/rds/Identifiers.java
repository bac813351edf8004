package io.cloudjar.rds;

import java.util.Locale;
import java.util.regex.Pattern;

/** RDS's naming rules: identifiers are stored lower-case; AWS compares them without case. */
final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}(?<!-)");
    private static final Pattern SUBNET_GROUP = Pattern.compile("[a-zA-Z0-9 ._-]{1,255}");

    private Identifiers() {
    }

    /** An instance, snapshot or parameter group identifier: 1–63 letters, digits, hyphens; starts with a letter. */
    static String identifier(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw RdsErrors.invalidValue("The parameter %s must be provided and must not be blank.", parameter);
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw RdsErrors.badIdentifier(parameter);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** DB subnet group names also take periods, underscores and spaces; "default" is reserved. */
    static String subnetGroupName(String value) {
        if (value == null || value.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName must be provided and must not be blank.");
        }
        if (!SUBNET_GROUP.matcher(value).matches()) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName is not a valid identifier. Should not contain"
                    + " special characters other than periods, underscores, spaces, or hyphens.");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
