package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.EngineOptions;
import io.cloudjar.rds.engine.Engines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.LogEvent;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;

/**
 * A mysql managed database on the real MariaDB (the bundle on the tests' class path; never downloaded here): its
 * error log is the server's, and turning general_log on makes the server write the general stream.
 */
class MysqlDatabaseLogsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_REPOSITORY", "none"));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void theErrorAndGeneralStreamsAreTheServersLogs() throws Exception {
        EngineOptions noDownload = new EngineOptions(null, null, EngineOptions.from(name -> null).cache(), null);
        Assumptions.assumeTrue(Engines.all(Path.of("unused"), noDownload).stream()
                .anyMatch(e -> e.engine().equals("mysql") && e.unavailableReason().isEmpty()), "no MariaDB on this machine");
        Instant started = Instant.now();
        lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("blog-db").availabilityZone("us-east-1a")
                .relationalDatabaseBlueprintId("mysql_8_0").relationalDatabaseBundleId("micro_2_0").masterDatabaseName("blog")
                .masterUsername("blogadmin").masterUserPassword("Secret-pass1"));
        RelationalDatabase db = available("blog-db");

        assertThat(messages("error", true)).anyMatch(m -> m.contains("ready for connections"));
        // the times MariaDB printed (its local time, second precision), read back as instants
        assertThat(lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("blog-db").logStreamName("error")
                .startFromHead(true)).resourceLogEvents()).allSatisfy(e -> assertThat(e.createdAt())
                .isAfterOrEqualTo(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isBefore(Instant.now()));
        assertThat(messages("general", true)).isEmpty(); // general_log is off

        lightsail.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName("blog-db").parameters(
                p -> p.parameterName("general_log").parameterValue("1").applyMethod("immediate")));
        for (int i = 0; i < 300 && !"1".equals(query(db, "SELECT @@global.general_log")); i++) {
            Thread.sleep(100); // the server takes the change in the background (SET GLOBAL), as AWS applies it
        }
        query(db, "SELECT 4242 AS answer");
        assertThat(messages("general", true)).anyMatch(m -> m.contains("SELECT 4242 AS answer"));
        assertThat(lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("blog-db").logStreamName("general")
                .startFromHead(true)).resourceLogEvents()).allSatisfy(e -> assertThat(e.createdAt()).isBefore(Instant.now()));
        assertThat(messages("slowquery", true)).isEmpty();
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("blog-db").skipFinalSnapshot(true));
    }

    private static List<String> messages(String stream, boolean fromHead) {
        return lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("blog-db").logStreamName(stream)
                .startFromHead(fromHead)).resourceLogEvents().stream().map(LogEvent::message).toList();
    }

    private static RelationalDatabase available(String name) throws InterruptedException {
        return LightsailTestKit.availableDatabase(lightsail, cloudjar, name);
    }

    private static String query(RelationalDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.masterEndpoint().port() + "/blog",
                "blogadmin", "Secret-pass1"); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
