package io.cloudjar.lightsail;

import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseEndpoint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseHardware;

/**
 * A managed database and the real server behind it (PostgreSQL blueprints; null where no engine can run, as for
 * MySQL, whose endpoint then has nothing behind it). In a transitional state (creating, stopping, starting, rebooting)
 * until its time on the emulator clock has passed and, when it settles available, the server accepts connections;
 * "failed" when the server could not start.
 *
 * @param password         the current master password
 * @param previousPassword the one before the last change, or null
 * @param parameters       the values users gave parameters (UpdateRelationalDatabaseParameters), by name
 * @param pendingReboot    the parameters whose value waits for the next reboot or start
 * @param events           what the database's changes produced, oldest first (the last 14 days)
 */
record RelationalDatabaseRecord(ResourceMeta meta, String blueprintId, String bundleId, String engine, String engineVersion,
                                String masterDatabaseName, String masterUsername, String password, Instant passwordSetAt,
                                String previousPassword, String backupWindow, String maintenanceWindow,
                                boolean publiclyAccessible, RunningDatabase server, String whyNoServer, Instant readyAt,
                                String transitional, String settled, Map<String, DatabaseParameterValue> parameters,
                                List<String> pendingReboot, List<DatabaseEventRecord> events)
        implements LightsailResource<RelationalDatabaseRecord> {
    /** How long events are kept: GetRelationalDatabaseEvents looks back at most 14 days. */
    static final Duration EVENTS_KEPT = Duration.ofDays(14);

    RelationalDatabaseRecord {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        pendingReboot = List.copyOf(pendingReboot);
        events = List.copyOf(events);
    }

    /** A new database: no parameter changed, no event yet. */
    RelationalDatabaseRecord(ResourceMeta meta, String blueprintId, String bundleId, String engine, String engineVersion,
                             String masterDatabaseName, String masterUsername, String password, Instant passwordSetAt,
                             String previousPassword, String backupWindow, String maintenanceWindow,
                             boolean publiclyAccessible, RunningDatabase server, String whyNoServer, Instant readyAt,
                             String transitional, String settled) {
        this(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName, masterUsername, password, passwordSetAt,
                previousPassword, backupWindow, maintenanceWindow, publiclyAccessible, server, whyNoServer, readyAt,
                transitional, settled, Map.of(), List.of(), List.of());
    }

    @Override
    public RelationalDatabaseRecord withMeta(ResourceMeta newMeta) {
        return new RelationalDatabaseRecord(newMeta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, readyAt, transitional, settled, parameters, pendingReboot, events);
    }

    RelationalDatabaseRecord withPassword(String newPassword, Instant at) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, newPassword, at, password, backupWindow, maintenanceWindow, publiclyAccessible, server,
                whyNoServer, readyAt, transitional, settled, parameters, pendingReboot, events);
    }

    /** The same database with its server brought back after a restart. */
    RelationalDatabaseRecord withServer(RunningDatabase newServer) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, newServer, whyNoServer, readyAt, transitional, settled);
    }

    RelationalDatabaseRecord withSettings(String newBackupWindow, String newMaintenanceWindow, boolean newPublic) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, newBackupWindow, newMaintenanceWindow, newPublic,
                server, whyNoServer, readyAt, transitional, settled, parameters, pendingReboot, events);
    }

    /** In {@code newTransitional} until {@code until} (and, when it settles available, until the server serves). */
    RelationalDatabaseRecord transition(String newTransitional, Instant until, String newSettled) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, until, newTransitional, newSettled, parameters,
                newSettled.equals("available") ? List.of() : pendingReboot, events); // a (re)start applies static parameters
    }

    /** With {@code event} added (events older than {@link #EVENTS_KEPT} before it are dropped). */
    RelationalDatabaseRecord withEvent(DatabaseEventRecord event) {
        List<DatabaseEventRecord> all = new ArrayList<>();
        for (DatabaseEventRecord e : events) {
            if (!e.at().isBefore(event.at().minus(EVENTS_KEPT))) {
                all.add(e);
            }
        }
        all.add(event);
        all.sort(java.util.Comparator.comparing(DatabaseEventRecord::at));
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, readyAt, transitional, settled, parameters, pendingReboot, all);
    }

    RelationalDatabaseRecord withEvent(Instant at, String category, String message) {
        return withEvent(new DatabaseEventRecord(at, message, List.of(category)));
    }

    /** With the user's parameter values replaced, {@code newPending} the static ones that wait for a reboot. */
    RelationalDatabaseRecord withParameters(Map<String, DatabaseParameterValue> newParameters, List<String> newPending) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, readyAt, transitional, settled, newParameters, newPending, events);
    }

    String state(Instant now) {
        if (server != null && server.failure().isPresent()) {
            return "failed";
        }
        if (now.isBefore(readyAt) || (server != null && "available".equals(settled) && !server.ready())) {
            return transitional;
        }
        return settled;
    }

    RelationalDatabase toSdk(Instant now) {
        RelationalDatabaseBundle bundle = DatabaseCatalog.bundle(bundleId).orElseThrow();
        return RelationalDatabase.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .relationalDatabaseBlueprintId(blueprintId).relationalDatabaseBundleId(bundleId)
                .masterDatabaseName(masterDatabaseName)
                .hardware(RelationalDatabaseHardware.builder().cpuCount(bundle.cpuCount()).diskSizeInGb(bundle.diskSizeInGb())
                        .ramSizeInGb(bundle.ramSizeInGb()).build())
                .state(state(now))
                .backupRetentionEnabled(true)
                .engine(engine).engineVersion(engineVersion)
                .latestRestorableTime(now.isAfter(readyAt) ? now.minusSeconds(300).isAfter(readyAt) ? now.minusSeconds(300) : readyAt : null)
                .masterUsername(masterUsername)
                .parameterApplyStatus(pendingReboot.isEmpty() ? "in-sync" : "pending-reboot")
                .preferredBackupWindow(backupWindow).preferredMaintenanceWindow(maintenanceWindow)
                .publiclyAccessible(publiclyAccessible)
                .masterEndpoint(RelationalDatabaseEndpoint.builder().address("localhost")
                        .port(server != null ? server.port() : engine.equals("mysql") ? 3306 : 5432).build())
                .caCertificateIdentifier("rds-ca-rsa2048-g1")
                .build();
    }
}
