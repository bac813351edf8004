package io.cloudjar.lightsail;

import java.nio.file.Path;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseSnapshot;

/**
 * A managed database snapshot: the source's facts and a copy of its server's data ({@code backup}; null when the
 * source had no server), from which CreateRelationalDatabaseFromSnapshot starts a new server with the same users.
 */
record DatabaseSnapshotRecord(ResourceMeta meta, String engine, String engineVersion, int sizeInGb, String fromName,
                              String fromArn, String fromBundleId, String fromBlueprintId, String masterDatabaseName,
                              String masterUsername, String password, Path backup)
        implements LightsailResource<DatabaseSnapshotRecord> {

    @Override
    public DatabaseSnapshotRecord withMeta(ResourceMeta newMeta) {
        return new DatabaseSnapshotRecord(newMeta, engine, engineVersion, sizeInGb, fromName, fromArn, fromBundleId,
                fromBlueprintId, masterDatabaseName, masterUsername, password, backup);
    }

    RelationalDatabaseSnapshot toSdk() {
        return RelationalDatabaseSnapshot.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .engine(engine).engineVersion(engineVersion).sizeInGb(sizeInGb).state("available")
                .fromRelationalDatabaseName(fromName).fromRelationalDatabaseArn(fromArn)
                .fromRelationalDatabaseBundleId(fromBundleId).fromRelationalDatabaseBlueprintId(fromBlueprintId)
                .build();
    }
}
