package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeleteBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;

/**
 * Replication configurations, stored with S3's checks: the source and each destination bucket must exist and have
 * versioning enabled, and rules of the current schema (with a Filter) need a Priority and DeleteMarkerReplication.
 * {@link Replication} copies new versions.
 */
public final class ReplicationProvider extends S3Feature {
    private static final String BUCKET_ARN = "arn:aws:s3:::";
    private static final int MAX_RULES = 1000;

    public PutBucketReplicationResponse putBucketReplication(CallContext ctx, PutBucketReplicationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        ReplicationConfiguration config = request.replicationConfiguration();
        if (config == null || config.role() == null || config.rules().isEmpty() || config.rules().size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        if (bucket.versioning() != Bucket.Versioning.ENABLED) {
            throw S3Errors.invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
        }
        for (ReplicationRule rule : config.rules()) {
            check(rule);
        }
        bucket.setting(ReplicationConfiguration.class, config);
        return PutBucketReplicationResponse.builder().build();
    }

    public GetBucketReplicationResponse getBucketReplication(CallContext ctx, GetBucketReplicationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        return GetBucketReplicationResponse.builder().replicationConfiguration(BucketSettings.required(bucket,
                ReplicationConfiguration.class, "ReplicationConfigurationNotFoundError",
                "The replication configuration was not found")).build();
    }

    public DeleteBucketReplicationResponse deleteBucketReplication(CallContext ctx, DeleteBucketReplicationRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(ReplicationConfiguration.class, null);
        return DeleteBucketReplicationResponse.builder().build();
    }

    private void check(ReplicationRule rule) {
        String status = rule.statusAsString();
        if (!"Enabled".equals(status) && !"Disabled".equals(status) || rule.destination() == null
                || rule.destination().bucket() == null) {
            throw S3Errors.malformedXml();
        }
        if (rule.filter() != null) {
            if (rule.deleteMarkerReplication() == null) {
                throw S3Errors.invalidRequest("DeleteMarkerReplication must be specified for this version of Cross Region "
                        + "Replication configuration schema.");
            }
            if (rule.priority() == null) {
                throw S3Errors.invalidRequest("Priority must be specified for this version of Cross Region Replication "
                        + "configuration schema.");
            }
        }
        String arn = rule.destination().bucket();
        if (!arn.startsWith(BUCKET_ARN)) {
            throw S3Errors.invalidArgument("Invalid bucket ARN.", "Bucket", arn);
        }
        Bucket destination = state.named(arn.substring(BUCKET_ARN.length()));
        if (destination == null) {
            throw S3Errors.invalidRequest("Destination bucket must exist.");
        }
        if (destination.versioning() != Bucket.Versioning.ENABLED) {
            throw S3Errors.invalidRequest("Destination bucket must have versioning enabled.");
        }
    }
}
