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
 * @param transition       the last stop, start or reboot ({@link Transition#NONE} before any)
 */
record RelationalDatabaseRecord(ResourceMeta meta, RelationalDatabaseBlueprint blueprint, RelationalDatabaseBundle bundle,
                                String secondaryZone, String masterDatabaseName, String masterUsername, String password,
                                Instant passwordChangedAt, String previousPassword, boolean publiclyAccessible,
                                String backupWindow, String maintenanceWindow, boolean backupRetention, Instant availableAt,
                                RunningDatabase server, Transition transition)
        implements LightsailResource<RelationalDatabaseRecord> {

    /** Stop, start and reboot: {@code during} until {@code ends}, then {@code after} (available or stopped). */
    record Transition(String during, Instant ends, String after) {
        static final Transition NONE = new Transition(null, Instant.MIN, "available");
    }

    static final String CREATING = "creating";
    static final String AVAILABLE = "available";
    static final String STOPPED = "stopped";

    @Override
    public RelationalDatabaseRecord withMeta(ResourceMeta newMeta) {
        return new RelationalDatabaseRecord(newMeta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                password, passwordChangedAt, previousPassword, publiclyAccessible, backupWindow, maintenanceWindow,
                backupRetention, availableAt, server, transition);
    }

    RelationalDatabaseRecord withPassword(String newPassword, Instant at) {
        return new RelationalDatabaseRecord(meta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                newPassword, at, password, publiclyAccessible, backupWindow, maintenanceWindow, backupRetention, availableAt,
                server, transition);
    }

    RelationalDatabaseRecord withSettings(boolean isPublic, String backup, String maintenance, boolean retention) {
        return new RelationalDatabaseRecord(meta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                password, passwordChangedAt, previousPassword, isPublic, backup, maintenance, retention, availableAt, server,
                transition);
    }

    RelationalDatabaseRecord withTransition(Transition next) {
        return new RelationalDatabaseRecord(meta, blueprint, bundle, secondaryZone, masterDatabaseName, masterUsername,
                password, passwordChangedAt, previousPassword, publiclyAccessible, backupWindow, maintenanceWindow,
                backupRetention, availableAt, server, next);
    }

    String engine() {
        return blueprint.engineAsString();
    }

    String state(Instant now) {
        if (now.isBefore(availableAt)) {
            return CREATING;
        }
        if (now.isBefore(transition.ends())) {
            return transition.during();
        }
        if (STOPPED.equals(transition.after())) {
            return STOPPED;
        }
        if (server != null && server.failure().isPresent()) {
            return "failed";
        }
        if (server != null && !server.ready()) { // held until the real server serves again
            return transition.during() != null ? transition.during() : CREATING;
        }
        return AVAILABLE;
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
