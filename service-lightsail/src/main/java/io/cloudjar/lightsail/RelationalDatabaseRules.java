package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import java.util.regex.Pattern;

/** What Lightsail accepts for a managed database's names, password and windows, per engine. */
final class RelationalDatabaseRules {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7e&&[^/\"@]]+");
    private static final Pattern BACKUP_WINDOW = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern MAINTENANCE_WINDOW = Pattern.compile(
            "(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d");
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RelationalDatabaseRules() {
    }

    static String databaseName(String engine, String name) {
        int max = engine.equals("mysql") ? 64 : 63;
        if (name == null || name.length() > max || !IDENTIFIER.matcher(name).matches()
                || (engine.equals("postgres") && (name.equals("postgres") || name.startsWith("template")))) {
            throw LightsailErrors.invalidInput("The master database name %s is not valid: 1 to %d letters, digits or"
                    + " underscores, starting with a letter, and not a name the engine reserves.", name, max);
        }
        return name;
    }

    static String username(String engine, String name) {
        int max = engine.equals("mysql") ? 16 : 63;
        if (name == null || name.length() > max || !IDENTIFIER.matcher(name).matches() || name.equalsIgnoreCase("rdsadmin")
                || name.toLowerCase(java.util.Locale.ROOT).startsWith("pg_")) {
            throw LightsailErrors.invalidInput("The master username %s is not valid: 1 to %d letters, digits or underscores,"
                    + " starting with a letter, and not a reserved name.", name, max);
        }
        return name;
    }

    /** The password given, checked; or one Lightsail makes (GetRelationalDatabaseMasterUserPassword answers it). */
    static String password(String engine, String password) {
        if (password == null) {
            StringBuilder made = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                made.append(PASSWORD_CHARS.charAt(Ids.random().nextInt(PASSWORD_CHARS.length())));
            }
            return made.toString();
        }
        int max = engine.equals("mysql") ? 41 : 128;
        if (password.length() < 8 || password.length() > max || !PASSWORD.matcher(password).matches()) {
            throw LightsailErrors.invalidInput("The master user password is not valid: 8 to %d printable ASCII characters"
                    + " other than /, \", @ and spaces.", max);
        }
        return password;
    }

    static String backupWindow(String window, String fallback) {
        if (window == null) {
            return fallback;
        }
        if (!BACKUP_WINDOW.matcher(window).matches()) {
            throw LightsailErrors.invalidInput("The preferred backup window %s is not valid: hh24:mi-hh24:mi in UTC.", window);
        }
        return window;
    }

    static String maintenanceWindow(String window, String fallback) {
        if (window == null) {
            return fallback;
        }
        if (!MAINTENANCE_WINDOW.matcher(window).matches()) {
            throw LightsailErrors.invalidInput("The preferred maintenance window %s is not valid: ddd:hh24:mi-ddd:hh24:mi in"
                    + " UTC.", window);
        }
        return window;
    }
}
