package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import java.util.Set;

/**
 * The constraints Lightsail's API reference gives for a managed database's master database name, master user name
 * and password: names of letters, digits and underscores starting with a letter (MySQL 1-64 / 16 characters,
 * PostgreSQL 1-63), not a reserved word; passwords of printable ASCII but {@code / " @} and space, 8-41 (MySQL) or
 * 8-128 (PostgreSQL) characters.
 */
final class DatabaseRules {
    private static final Set<String> RESERVED = Set.of("postgres", "template0", "template1", "rdsadmin", "admin", "root",
            "user", "select", "table", "database");
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private DatabaseRules() {
    }

    static void checkDatabaseName(String name, String engine) {
        int max = engine.equals("mysql") ? 64 : 63;
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0," + (max - 1) + "}") || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw LightsailErrors.invalidInput("The master database name is not valid: %s (1-%d letters, digits or"
                    + " underscores, starting with a letter, not a reserved word).", name, max);
        }
    }

    static void checkUsername(String name, String engine) {
        int max = engine.equals("mysql") ? 16 : 63;
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0," + (max - 1) + "}") || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw LightsailErrors.invalidInput("The master username is not valid: %s (1-%d letters, digits or"
                    + " underscores, starting with a letter, not a reserved word).", name, max);
        }
    }

    static String checkPassword(String password) {
        if (password.length() < 8 || password.length() > 128 || !password.matches("[\\x21-\\x7e]+") || password.matches(".*[/\"@].*")) {
            throw LightsailErrors.invalidInput("The master user password is not valid: 8 or more printable ASCII"
                    + " characters, but not /, \", @ or a space.");
        }
        return password;
    }

    /** What Lightsail makes when no password is given: strong and easy to copy. */
    static String generatePassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(PASSWORD_CHARS.charAt(Ids.random().nextInt(PASSWORD_CHARS.length())));
        }
        return out.toString();
    }
}
