package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.Reply;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject.Restore;
import io.cloudjar.s3.model.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.s3.model.RestoreObjectRequest;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.RestoreRequest;

/**
 * RestoreObject for GLACIER and DEEP_ARCHIVE objects: 202 when a restore starts, 409 while one runs,
 * 200 when a finished restore's expiry is extended. The restore completes after the tier's retrieval time
 * on the emulator clock (GLACIER: Expedited 5 min, Standard 4 h, Bulk 12 h; DEEP_ARCHIVE: Standard 12 h,
 * Bulk 48 h), so tests advance the clock; the copy then stays readable for the requested days.
 */
public final class RestoreProvider extends S3Feature {
    private VersionedWrites writes;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        writes = new VersionedWrites(state);
    }

    public Reply<RestoreObjectResponse> restoreObject(CallContext ctx, RestoreObjectRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        RestoreRequest restore = request.restoreRequest();
        if (restore == null || restore.days() == null || restore.days() < 1) {
            throw S3Errors.malformedXml();
        }
        String tier = restore.glacierJobParameters() == null || restore.glacierJobParameters().tierAsString() == null
                ? "Standard" : restore.glacierJobParameters().tierAsString();
        Instant now = state.clock().now();
        boolean[] started = new boolean[1];
        writes.update(bucket, request.key(), request.versionId(), o -> {
            if (!StorageClasses.isArchived(o)) {
                throw AwsErrors.modeled("InvalidObjectState", "Restore is not allowed for the object's current storage class")
                        .withDetail("StorageClass", o.metadata().storageClass());
            }
            Restore current = o.restore();
            if (current != null && current.ongoing(now)) {
                throw AwsErrors.of("RestoreAlreadyInProgress", 409, "Object restore is already in progress");
            }
            if (current != null && current.readable(now)) {
                                return o.withRestore(new Restore(current.completesAt(), expiry(now, restore.days())));
            }
            started[0] = true;
            Instant done = now.plus(retrievalTime(o.metadata().storageClass(), tier));
            return o.withRestore(new Restore(done, expiry(done, restore.days())));
        });
        RestoreObjectResponse response = RestoreObjectResponse.builder().build();
        return started[0] ? Reply.accepted(response) : Reply.of(response);
    }

    /** A restored copy expires at midnight UTC after the requested number of days. */
    private static Instant expiry(Instant from, int days) {
        return from.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    private static Duration retrievalTime(String storageClass, String tier) {
        boolean deep = "DEEP_ARCHIVE".equals(storageClass);
        return switch (tier) {
            case "Expedited" -> {
                if (deep) {
                    throw S3Errors.invalidArgument("Expedited retrievals are not available for the DEEP_ARCHIVE storage class",
                            "Tier", tier);
                }
                yield Duration.ofMinutes(5);
            }
            case "Bulk" -> deep ? Duration.ofHours(48) : Duration.ofHours(12);
            case "Standard" -> deep ? Duration.ofHours(12) : Duration.ofHours(4);
            default -> throw S3Errors.malformedXml();
        };
    }
}
