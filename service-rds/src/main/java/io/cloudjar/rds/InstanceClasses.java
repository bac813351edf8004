package io.cloudjar.rds;

import java.util.List;

/** The DB instance classes Cloudjar offers for postgres, mysql and mariadb, and the storage each engine takes. */
final class InstanceClasses {
    static final List<String> ALL = List.of(
            "db.m5.large", "db.m5.xlarge", "db.m5.2xlarge", "db.m6g.large", "db.m6g.xlarge", "db.m6i.large",
            "db.m6i.xlarge", "db.m7g.large", "db.m7g.xlarge", "db.r5.large", "db.r5.xlarge", "db.r6g.large",
            "db.r6i.large", "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.t4g.micro",
            "db.t4g.small", "db.t4g.medium", "db.t4g.large");
    static final List<String> STORAGE_TYPES = List.of("gp2", "gp3", "io1", "io2", "standard");

    private InstanceClasses() {
    }

    static boolean offered(String instanceClass) {
        return ALL.contains(instanceClass);
    }

    /** Smallest and largest storage in GiB per storage type, as RDS for MySQL, MariaDB and PostgreSQL. */
    static int minStorage(String storageType) {
        return storageType.startsWith("io") ? 100 : 20;
    }

    static int maxStorage(String storageType) {
        return storageType.equals("standard") ? 3072 : 65536;
    }

    static int defaultPort(String engine) {
        return engine.equals("postgres") ? 5432 : 3306;
    }
}
