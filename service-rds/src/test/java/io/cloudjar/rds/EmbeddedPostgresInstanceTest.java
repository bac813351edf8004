package io.cloudjar.rds;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same round trip on the bundled PostgreSQL 17.6 (RDS_POSTGRES_BIN=embedded), which has no psql or
 * pg_basebackup: the database is made in single-user mode and snapshots copy the stopped data directory.
 */
class EmbeddedPostgresInstanceTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("RDS_POSTGRES_BIN", "embedded");

    @BeforeAll
    static void clients() throws Exception {
        PostgresInstanceTest.start(cloudjar, "embedded");
    }

    @AfterAll
    static void close() {
        PostgresInstanceTest.close();
    }

    @Test
    void dataWrittenBeforeASnapshotIsInTheInstanceRestoredFromIt() throws Exception {
        PostgresInstanceTest.roundTrip();
    }
}
