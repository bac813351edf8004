package io.cloudjar.lightsail;

import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseEndpoint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseHardware;

/**
 * A Lightsail managed database. PostgreSQL ones run a real server (service-rds's engine): {@code creating} until the
 * pending transition has passed and the server accepts connections ({@code failed} if it never will); the endpoint
 * is that server on localhost. MySQL ones have no server behind them (no MySQL engine runs) and are {@code available}
 * after the transition, answering the engine's port.
 *
 * @param server           the real server, or null (MySQL, or no PostgreSQL binaries on this machine)
 * @param previousPassword the password before the last change, for GetRelationalDatabaseMasterUserPassword PREVIOUS
 */
record RelationalDatabaseRecord(ResourceMeta meta, RelationalDatabaseBlueprint blueprint, RelationalDatabaseBundle bundle,
                                String secondaryZone, String masterDatabaseName, String masterUsername, String password,
                                Instant passwordChangedAt, String previousPassword, boolean publiclyAccessible,
                                String backupWindow, String maintenanceWindow, boolean backupRetention, Instant availableAt,
                                RunningDatabase server) implements LightsailResource<RelationalDatabaseRecord> {

    static final String CREATING = "creating";
    static final String AVAILABLE = "available";

    @Override
    public RelationalDatabaseRecord withMeta(ResourceMeta newMeta) {
        return new RelationalDatabaseRecord(newMeta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                password, passwordChangedAt, previousPassword, publiclyAccessible, backupWindow, maintenanceWindow,
                backupRetention, availableAt, server);
    }

    RelationalDatabaseRecord withPassword(String newPassword, Instant at) {
        return new RelationalDatabaseRecord(meta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                newPassword, at, password, publiclyAccessible, backupWindow, maintenanceWindow, backupRetention, availableAt,
                server);
    }

    RelationalDatabaseRecord withSettings(boolean isPublic, String backup, String maintenance, boolean retention) {
        return new RelationalDatabaseRecord(meta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                password, passwordChangedAt, previousPassword, isPublic, backup, maintenance, retention, availableAt, server);
    }

    String engine() {
        return blueprint.engineAsString();
    }

    String state(Instant now) {
        if (now.isBefore(availableAt)) {
            return CREATING;
        }
        if (server != null && server.failure().isPresent()) {
            return "failed";
        }
        return server != null && !server.ready() ? CREATING : AVAILABLE;
    }

    int port() {
        return server != null ? server.port() : "mysql".equals(engine()) ? 3306 : 5432;
    }

    RelationalDatabase toSdk(Instant now) {
        return RelationalDatabase.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .relationalDatabaseBlueprintId(blueprint.blueprintId())
                .relationalDatabaseBundleId(bundle.bundleId())
                .masterDatabaseName(masterDatabaseName)
                .hardware(RelationalDatabaseHardware.builder().cpuCount(bundle.cpuCount()).diskSizeInGb(bundle.diskSizeInGb())
                        .ramSizeInGb(bundle.ramSizeInGb()).build())
                .state(state(now))
                .secondaryAvailabilityZone(secondaryZone)
                .backupRetentionEnabled(backupRetention)
                .engine(engine())
                .engineVersion(blueprint.engineVersion())
                .latestRestorableTime(AVAILABLE.equals(state(now)) ? now : null)
                .masterUsername(masterUsername)
                .parameterApplyStatus("in-sync")
                .preferredBackupWindow(backupWindow)
                .preferredMaintenanceWindow(maintenanceWindow)
                .publiclyAccessible(publiclyAccessible)
                .masterEndpoint(RelationalDatabaseEndpoint.builder().address("localhost").port(port()).build())
                .caCertificateIdentifier("rds-ca-rsa2048-g1")
                .build();
    }
}
