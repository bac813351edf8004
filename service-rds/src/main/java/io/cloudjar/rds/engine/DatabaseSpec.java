package io.cloudjar.rds.engine;

/**
 * What a new server needs.
 *
 * @param name     a unique, file-system-safe name (the instance's resource id): its data directory's name
 * @param database the database to create, or null for none beyond the engine's own
 */
public record DatabaseSpec(String name, String masterUsername, String masterPassword, String database) {
    @Override
    public String toString() {
        return "DatabaseSpec[" + name + ", " + masterUsername + ", " + database + "]"; // never the password
    }
}
