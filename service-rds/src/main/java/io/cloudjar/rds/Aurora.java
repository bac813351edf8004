package io.cloudjar.rds;

/**
 * The Aurora engines. Their servers are the ones Cloudjar runs for the engines they are compatible with: PostgreSQL
 * for aurora-postgresql, MariaDB (as for mysql) for aurora-mysql; the cluster's and instances' status infos say so.
 */
final class Aurora {
    private Aurora() {
    }

    static boolean is(String engine) {
        return engine != null && engine.startsWith("aurora-");
    }

    /** The engine whose real server serves {@code engine} (itself for the non-Aurora engines). */
    static String serverEngine(String engine) {
        return switch (engine) {
            case "aurora-postgresql" -> "postgres";
            case "aurora-mysql" -> "mysql";
            default -> engine;
        };
    }
}
