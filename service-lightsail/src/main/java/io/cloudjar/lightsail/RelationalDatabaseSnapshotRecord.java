package io.cloudjar.lightsail;

import java.nio.file.Path;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseSnapshot;

/**
 * A snapshot of a managed database: what it was made from, and the real server's data copied (null when no server
 * ran behind the database). A database restored from it gets that data, users and master password.
 */
record RelationalDatabaseSnapshotRecord(ResourceMeta meta, RelationalDatabaseRecord from, Path backup)
        implements LightsailResource<RelationalDatabaseSnapshotRecord> {

    @Override
    public RelationalDatabaseSnapshotRecord withMeta(ResourceMeta newMeta) {
        return new RelationalDatabaseSnapshotRecord(newMeta, from, backup);
    }

    RelationalDatabaseSnapshot toSdk() {
        return RelationalDatabaseSnapshot.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .engine(from.engine()).engineVersion(from.blueprint().engineVersion())
                .sizeInGb(from.bundle().diskSizeInGb())
                .state("available")
                .fromRelationalDatabaseName(from.name()).fromRelationalDatabaseArn(from.meta().arn())
                .fromRelationalDatabaseBundleId(from.bundle().bundleId())
                .fromRelationalDatabaseBlueprintId(from.blueprint().blueprintId())
                .build();
    }
}
