package io.cloudjar.rds;

import java.util.List;

/** The DB instance classes Cloudjar offers for postgres, mysql and mariadb, and the storage each engine takes. */
final class InstanceClasses {
    static final List<String> ALL = List.of(
            "db.m5.large", "db.m5.xlarge", "db.m5.2xlarge", "db.m6g.large", "db.m6g.xlarge", "db.m6i.large",
            "db.m6i.xlarge", "db.m7g.large", "db.m7g.xlarge", "db.r5.large", "db.r5.xlarge", "db.r6g.large",
            "db.r6i.large", "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.t4g.micro",
            "db.t4g.small", "db.t4g.medium", "db.t4g.large");
    /** The classes Aurora offers (memory-optimized, burstable, Serverless v2's {@code db.serverless}). */
    static final List<String> AURORA = List.of(
            "db.r5.large", "db.r5.xlarge", "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge", "db.r6i.large",
            "db.r6i.xlarge", "db.r7g.large", "db.r7g.xlarge", "db.serverless", "db.t3.medium", "db.t3.large",
            "db.t4g.medium", "db.t4g.large");
    /** Aurora's storage configurations: standard and I/O-Optimized. */
    static final List<String> AURORA_STORAGE_TYPES = List.of("aurora", "aurora-iopt1");
    static final List<String> STORAGE_TYPES = List.of("gp2", "gp3", "io1", "io2", "standard");

    private InstanceClasses() {
    }

    /** The classes offered for an engine: Aurora's own list for the Aurora engines. */
    static List<String> of(String engine) {
        return Aurora.is(engine) ? AURORA : ALL;
    }

    /** Smallest and largest storage in GiB per storage type, as RDS for MySQL, MariaDB and PostgreSQL. */
    static int minStorage(String storageType) {
        return storageType.startsWith("io") ? 100 : 20;
    }

    static int maxStorage(String storageType) {
        return storageType.equals("standard") ? 3072 : 65536;
    }

    static int defaultPort(String engine) {
        return engine.equals("postgres") || engine.equals("aurora-postgresql") ? 5432 : 3306;
    }
}
