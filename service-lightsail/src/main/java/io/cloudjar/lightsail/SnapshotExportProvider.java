package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.ec2.api.SnapshotExports;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotRecordSourceType;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.ExportSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.GetExportSnapshotRecordsRequest;
import software.amazon.awssdk.services.lightsail.model.GetExportSnapshotRecordsResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * ExportSnapshot and GetExportSnapshotRecords: an instance snapshot becomes an EC2 AMI with one EBS snapshot per disk,
 * a disk snapshot an EBS snapshot, in the same account and region (service-ec2, through {@link SnapshotExports}), all
 * pending in EC2 and the record Started for as long as Lightsail takes a snapshot; then EC2's DescribeImages and
 * DescribeSnapshots show them available/completed and the record Succeeded.
 */
public final class SnapshotExportProvider extends Ec2LinkedProvider {
    private static final int PAGE_SIZE = 100;
    private static final String SYSTEM_DISK_PATH = "/dev/sda1"; // as AWS's records list the system disk

    public ExportSnapshotResponse exportSnapshot(CallContext ctx, ExportSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Instant done = scope.now().plus(store.timings().snapshot());
        String name = "ExportSnapshotRecord-" + UUID.randomUUID();
        synchronized (state.lock) {
            Optional<InstanceSnapshotRecord> instanceSnapshot = state.instanceSnapshots.find(request.sourceSnapshotName());
            Optional<DiskSnapshotRecord> diskSnapshot = state.diskSnapshots.find(request.sourceSnapshotName());
            ExportSnapshotRecord export;
            ResourceMeta source;
            if (instanceSnapshot.isPresent()) {
                InstanceSnapshotRecord s = instanceSnapshot.get();
                if (!s.available(scope.now())) {
                    throw notReady(s.name());
                }
                source = s.meta();
                export = exportInstanceSnapshot(scope, name, s, done);
            } else if (diskSnapshot.isPresent()) {
                DiskSnapshotRecord s = diskSnapshot.get();
                if (!s.completed(scope.now())) {
                    throw notReady(s.name());
                }
                source = s.meta();
                export = exportDiskSnapshot(scope, name, s, done);
            } else {
                throw LightsailErrors.notFound("The snapshot does not exist: %s", request.sourceSnapshotName());
            }
            state.exportSnapshotRecords.put(export);
            return ExportSnapshotResponse.builder()
                    .operations(state.operations.record(scope, source, "ExportSnapshot", export.name(), done)).build();
        }
    }

    public GetExportSnapshotRecordsResponse getExportSnapshotRecords(CallContext ctx, GetExportSnapshotRecordsRequest request) {
        Instant now = ctx.receivedAt();
        Pages<ExportSnapshotRecord> page = Pages.of(state(ctx).exportSnapshotRecords.list(), request.pageToken(), PAGE_SIZE);
        return GetExportSnapshotRecordsResponse.builder()
                .exportSnapshotRecords(page.items().stream().map(r -> r.toSdk(now)).toList())
                .nextPageToken(page.nextPageToken()).build();
    }

    private ExportSnapshotRecord exportInstanceSnapshot(LightsailScope scope, String name, InstanceSnapshotRecord s,
                                                        Instant done) {
        List<ExportSnapshotRecord.ExportedDisk> disks = new ArrayList<>();
        disks.add(new ExportSnapshotRecord.ExportedDisk(null, SYSTEM_DISK_PATH, s.sizeInGb(), true));
        s.fromAttachedDisks().forEach(d -> disks.add(new ExportSnapshotRecord.ExportedDisk(d.name(), d.path(), d.sizeInGb(), false)));
        boolean windows = BlueprintCatalog.find(s.fromBlueprintId()).map(BlueprintCatalog.Entry::windows).orElse(false);
        SnapshotExports.ExportedImage image = seams.exports().exportImage(ec2Scope(scope), new SnapshotExports.ImageExport(
                name, "Exported from Lightsail instance snapshot " + s.name(), windows,
                disks.stream().map(d -> new SnapshotExports.Disk(d.path(), d.sizeInGb())).toList(), done));
        ExportSnapshotRecord.Source source = new ExportSnapshotRecord.Source(ExportSnapshotRecordSourceType.INSTANCE_SNAPSHOT,
                s.meta().createdAt(), s.name(), s.meta().arn(), s.fromInstanceName(), s.fromInstanceArn(), s.fromBundleId(),
                s.fromBlueprintId(), s.sizeInGb(), disks, s.ports());
        return new ExportSnapshotRecord(meta(scope, name), source, image.imageId(), ExportSnapshotRecord.IMAGE, done);
    }

    private ExportSnapshotRecord exportDiskSnapshot(LightsailScope scope, String name, DiskSnapshotRecord s, Instant done) {
        String snapshotId = seams.exports().exportDiskSnapshot(ec2Scope(scope), s.sizeInGb(),
                "Exported from Lightsail disk snapshot " + s.name(), done);
        boolean ofSystemDisk = s.fromDiskName() == null;
        ExportSnapshotRecord.Source source = new ExportSnapshotRecord.Source(ExportSnapshotRecordSourceType.DISK_SNAPSHOT,
                s.meta().createdAt(), s.name(), s.meta().arn(), ofSystemDisk ? s.fromInstanceName() : s.fromDiskName(),
                ofSystemDisk ? s.fromInstanceArn() : s.fromDiskArn(), null, null, s.sizeInGb(), List.of(), List.of());
        return new ExportSnapshotRecord(meta(scope, name), source, snapshotId, ExportSnapshotRecord.SNAPSHOT, done);
    }

    private static ResourceMeta meta(LightsailScope scope, String name) {
        return ResourceMeta.create(scope, ResourceType.EXPORT_SNAPSHOT_RECORD, name, "all", name, Map.of());
    }

    static Scope ec2Scope(LightsailScope scope) {
        return new Scope(scope.account(), scope.region());
    }

    private static RuntimeException notReady(String snapshot) {
        return LightsailErrors.invalidInput("The snapshot %s is not available yet: export it once it is completed.", snapshot);
    }
}
