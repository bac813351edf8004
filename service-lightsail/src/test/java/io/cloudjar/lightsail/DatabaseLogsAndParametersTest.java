package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.PostgresEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseLogEventsResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.LogEvent;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseEvent;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseParameter;

/**
 * A managed database's events, logs and parameters: on a real PostgreSQL, the log events are the server's own lines
 * and a parameter change reaches the server (dynamic at once, static at the reboot); a mysql database without a server
 * (RDS_MARIADB_BIN=none) has its events, streams and parameters but empty logs.
 */
class DatabaseLogsAndParametersTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "none"));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void aPostgresDatabaseLogsItsRealServerAndTakesParameterChanges() throws Exception {
        Path probe = Files.createTempDirectory("pg-probe");
        Assumptions.assumeTrue(new PostgresEngine(probe, null).unavailableReason().isEmpty(), "no PostgreSQL on this machine");
        Files.delete(probe);
        Instant wallBefore = Instant.now().minusSeconds(5);
        create("pg-db", "postgres_16", "Secret-pass1");
        RelationalDatabase db = available("pg-db");

        assertThat(lightsail.getRelationalDatabaseLogStreams(r -> r.relationalDatabaseName("pg-db")).logStreams())
                .containsExactly("postgresql");
        // the server's real start-up lines, with the times it printed
        GetRelationalDatabaseLogEventsResponse log = logEvents("pg-db", null);
        assertThat(log.resourceLogEvents()).extracting(LogEvent::message)
                .anyMatch(m -> m.contains("starting PostgreSQL"))
                .anyMatch(m -> m.contains("database system is ready to accept connections"));
        assertThat(log.resourceLogEvents()).allSatisfy(e -> assertThat(e.createdAt()).isAfter(wallBefore).isBefore(Instant.now()));
        assertThat(logEvents("pg-db", log.nextForwardToken()).resourceLogEvents()).isEmpty(); // nothing newer yet
        assertThat(logEvents("pg-db", log.nextBackwardToken()).resourceLogEvents()).isEmpty(); // all on one page
        assertThat(lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("pg-db").logStreamName("postgresql")
                .startTime(Instant.now().plusSeconds(3600))).resourceLogEvents()).isEmpty();
        assertThatThrownBy(() -> lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("pg-db")
                .logStreamName("postgresql").startFromHead(true))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("pg-db")
                .logStreamName("error"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> logEvents("pg-db", "not-a-token")).isInstanceOf(InvalidInputException.class);

        // the defaults RDS lists for PostgreSQL, with AWS's fields
        RelationalDatabaseParameter logStatement = parameter("pg-db", "log_statement");
        assertThat(logStatement.applyType()).isEqualTo("dynamic");
        assertThat(logStatement.allowedValues()).isEqualTo("none,ddl,mod,all");
        assertThat(logStatement.dataType()).isEqualTo("string");
        assertThat(logStatement.isModifiable()).isTrue();
        assertThat(logStatement.applyMethod()).isEqualTo("pending-reboot");
        assertThat(logStatement.description()).isNotBlank();
        assertThat(parameter("pg-db", "max_connections").applyType()).isEqualTo("static");
        assertThat(show(db, "log_statement")).isEqualTo("none");

        // a dynamic change reaches the running server: SHOW sees it, and the server logs every statement from then on
        Operation op = lightsail.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName("pg-db").parameters(
                p -> p.parameterName("log_statement").parameterValue("all").applyMethod("immediate"))).operations().get(0);
        assertThat(op.operationTypeAsString()).isEqualTo("UpdateRelationalDatabaseParameters");
        assertThat(op.resourceName()).isEqualTo("pg-db");
        assertThat(eventually(() -> show(db, "log_statement"), "all")).isEqualTo("all");
        assertThat(parameter("pg-db", "log_statement").parameterValue()).isEqualTo("all");
        assertThat(parameter("pg-db", "log_statement").applyMethod()).isEqualTo("immediate");
        show(db, "server_version");
        assertThat(logEvents("pg-db", null).resourceLogEvents()).extracting(LogEvent::message)
                .anyMatch(m -> m.contains(": SHOW server_version")); // "execute <unnamed>:" for JDBC's prepared statements

        // a static change waits for the reboot
        lightsail.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName("pg-db").parameters(
                p -> p.parameterName("max_connections").parameterValue("150").applyMethod("pending-reboot")));
        assertThat(get("pg-db").parameterApplyStatus()).isEqualTo("pending-reboot");
        assertThat(show(db, "max_connections")).isEqualTo("100");
        lightsail.rebootRelationalDatabase(r -> r.relationalDatabaseName("pg-db"));
        RelationalDatabase rebooted = available("pg-db");
        assertThat(rebooted.parameterApplyStatus()).isEqualTo("in-sync");
        assertThat(eventually(() -> show(rebooted, "max_connections"), "150")).isEqualTo("150");
        assertThat(logEvents("pg-db", null).resourceLogEvents()).extracting(LogEvent::message)
                .anyMatch(m -> m.contains("received fast shutdown request"))
                .filteredOn(m -> m.contains("database system is ready to accept connections")).hasSize(2);

        // what AWS refuses
        assertThatThrownBy(() -> update("pg-db", "no_such_parameter", "1", "immediate"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not find parameter with name: no_such_parameter"));
        assertThatThrownBy(() -> update("pg-db", "max_connections", "200", "immediate"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("pg-db", "log_statement", "everything", "immediate"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Value: everything is outside of range: none,ddl,mod,all for parameter: log_statement"));
        assertThatThrownBy(() -> update("pg-db", "ssl", "0", "immediate")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("pg-db", "log_statement", "ddl", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("ghost", "log_statement", "ddl", "immediate")).isInstanceOf(NotFoundException.class);

        assertThat(events("pg-db", 60)).extracting(RelationalDatabaseEvent::message).containsSubsequence(
                "DB instance created", "Updated parameters: log_statement",
                "Updated parameters: max_connections (some apply at the next reboot)", "DB instance shutdown",
                "DB instance restarted");
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("pg-db").skipFinalSnapshot(true));
    }

    @Test
    void eventsFollowTheDatabasesChangesOnTheEmulatorClock() {
        create("my-db", "mysql_8_0", "Secret-pass1");
        assertThat(events("my-db", 60)).isEmpty(); // created when "creating" ends
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(events("my-db", 60)).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("DB instance created");
            assertThat(e.eventCategories()).containsExactly("creation");
            assertThat(e.resource()).isEqualTo("my-db");
        });
        lightsail.stopRelationalDatabase(r -> r.relationalDatabaseName("my-db"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("my-db"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.updateRelationalDatabase(r -> r.relationalDatabaseName("my-db").masterUserPassword("Other-pass-2"));
        lightsail.createRelationalDatabaseSnapshot(r -> r.relationalDatabaseName("my-db").relationalDatabaseSnapshotName("my-snap"));
        assertThat(events("my-db", 60)).extracting(RelationalDatabaseEvent::message).containsExactly("DB instance created",
                "DB instance stopped", "DB instance started", "Reset master credentials", "Backing up DB instance",
                "Finished DB Instance backup");

        cloudjar.advanceClock(Duration.ofMinutes(90)); // out of the default hour, within three
        assertThat(events("my-db", null)).isEmpty();
        assertThat(events("my-db", 180)).hasSize(6);
        assertThatThrownBy(() -> events("my-db", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> events("my-db", 20161)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> events("ghost", 60)).isInstanceOf(NotFoundException.class);

        // mysql's streams and parameters; no server behind it, so its logs are empty
        assertThat(lightsail.getRelationalDatabaseLogStreams(r -> r.relationalDatabaseName("my-db")).logStreams())
                .containsExactly("error", "general", "slowquery");
        assertThat(lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName("my-db").logStreamName("error")
                .startFromHead(true)).resourceLogEvents()).isEmpty();
        assertThat(lightsail.getRelationalDatabaseParameters(r -> r.relationalDatabaseName("my-db")).parameters())
                .extracting(RelationalDatabaseParameter::parameterName).contains("general_log", "slow_query_log", "max_connections")
                .doesNotContain("log_statement");
        lightsail.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName("my-db").parameters(
                p -> p.parameterName("general_log").parameterValue("1").applyMethod("immediate")));
        assertThat(parameter("my-db", "general_log").parameterValue()).isEqualTo("1");
        assertThat(lightsail.getOperationsForResource(r -> r.resourceName("my-db")).operations())
                .extracting(Operation::operationTypeAsString).contains("UpdateRelationalDatabaseParameters");
    }

    private static void create(String name, String blueprint, String password) {
        lightsail.createRelationalDatabase(r -> r.relationalDatabaseName(name).availabilityZone("us-east-1a")
                .relationalDatabaseBlueprintId(blueprint).relationalDatabaseBundleId("micro_2_0").masterDatabaseName("app")
                .masterUsername("appadmin").masterUserPassword(password));
    }

    private static RelationalDatabase get(String name) {
        return lightsail.getRelationalDatabase(r -> r.relationalDatabaseName(name)).relationalDatabase();
    }

    private static RelationalDatabase available(String name) throws InterruptedException {
        return LightsailTestKit.availableDatabase(lightsail, cloudjar, name);
    }

    private static GetRelationalDatabaseLogEventsResponse logEvents(String name, String token) {
        return lightsail.getRelationalDatabaseLogEvents(r -> r.relationalDatabaseName(name).logStreamName("postgresql").pageToken(token));
    }

    private static List<RelationalDatabaseEvent> events(String name, Integer minutes) {
        return lightsail.getRelationalDatabaseEvents(r -> r.relationalDatabaseName(name).durationInMinutes(minutes))
                .relationalDatabaseEvents();
    }

    private static RelationalDatabaseParameter parameter(String db, String name) {
        return lightsail.getRelationalDatabaseParameters(r -> r.relationalDatabaseName(db)).parameters().stream()
                .filter(p -> p.parameterName().equals(name)).findFirst().orElseThrow();
    }

    private static void update(String db, String name, String value, String applyMethod) {
        lightsail.updateRelationalDatabaseParameters(r -> r.relationalDatabaseName(db).parameters(
                p -> p.parameterName(name).parameterValue(value).applyMethod(applyMethod)));
    }

    private static String show(RelationalDatabase db, String setting) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + db.masterEndpoint().port() + "/app",
                "appadmin", "Secret-pass1"); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server rereads its configuration in the background after the call answers: asked again for a while (wall clock). */
    private static String eventually(Supplier<String> read, String expected) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 300; i++) {
            try {
                last = read.get();
                if (expected.equals(last)) {
                    return last;
                }
            } catch (IllegalStateException notAcceptingYet) {
                last = notAcceptingYet.getMessage();
            }
            Thread.sleep(100);
        }
        return last;
    }
}
