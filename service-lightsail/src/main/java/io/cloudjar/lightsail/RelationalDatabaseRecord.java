package io.cloudjar.lightsail;

import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
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
 */
record RelationalDatabaseRecord(ResourceMeta meta, String blueprintId, String bundleId, String engine, String engineVersion,
                                String masterDatabaseName, String masterUsername, String password, Instant passwordSetAt,
                                String previousPassword, String backupWindow, String maintenanceWindow,
                                boolean publiclyAccessible, RunningDatabase server, String whyNoServer, Instant readyAt,
                                String transitional, String settled) implements LightsailResource<RelationalDatabaseRecord> {

    @Override
    public RelationalDatabaseRecord withMeta(ResourceMeta newMeta) {
        return new RelationalDatabaseRecord(newMeta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, readyAt, transitional, settled);
    }

    RelationalDatabaseRecord withPassword(String newPassword, Instant at) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, newPassword, at, password, backupWindow, maintenanceWindow, publiclyAccessible, server,
                whyNoServer, readyAt, transitional, settled);
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
                server, whyNoServer, readyAt, transitional, settled);
    }

    /** In {@code newTransitional} until {@code until} (and, when it settles available, until the server serves). */
    RelationalDatabaseRecord transition(String newTransitional, Instant until, String newSettled) {
        return new RelationalDatabaseRecord(meta, blueprintId, bundleId, engine, engineVersion, masterDatabaseName,
                masterUsername, password, passwordSetAt, previousPassword, backupWindow, maintenanceWindow,
                publiclyAccessible, server, whyNoServer, until, newTransitional, newSettled);
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
                .parameterApplyStatus("in-sync")
                .preferredBackupWindow(backupWindow).preferredMaintenanceWindow(maintenanceWindow)
                .publiclyAccessible(publiclyAccessible)
                .masterEndpoint(RelationalDatabaseEndpoint.builder().address("localhost")
                        .port(server != null ? server.port() : engine.equals("mysql") ? 3306 : 5432).build())
                .caCertificateIdentifier("rds-ca-rsa2048-g1")
                .build();
    }
}
