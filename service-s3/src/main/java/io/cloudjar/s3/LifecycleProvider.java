package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Lifecycle configurations, stored with S3's validation ({@link LifecycleRunner} runs them). S3 answers the transition
 * minimum size it applies ({@code all_storage_classes_128K} unless the request chose {@code varies_by_storage_class}).
 */
public final class LifecycleProvider extends S3Feature {
    private static final int MAX_RULES = 1000;
    private static final int MAX_ID = 255;
    private static final String DEFAULT_MINIMUM_SIZE = "all_storage_classes_128K";

    public PutBucketLifecycleConfigurationResponse putBucketLifecycleConfiguration(CallContext ctx,
            PutBucketLifecycleConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        BucketLifecycleConfiguration config = request.lifecycleConfiguration();
        if (config == null || config.rules().isEmpty() || config.rules().size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        Set<String> ids = new HashSet<>();
        for (LifecycleRule rule : config.rules()) {
            check(rule);
            if (rule.id() != null && !ids.add(rule.id())) {
                throw S3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule", "ID", rule.id());
            }
        }
        String minimumSize = request.transitionDefaultMinimumObjectSizeAsString() == null ? DEFAULT_MINIMUM_SIZE
                : request.transitionDefaultMinimumObjectSizeAsString();
        bucket.setting(BucketLifecycleConfiguration.class, config);
        bucket.setting(MinimumTransitionSize.class, new MinimumTransitionSize(minimumSize));
        return PutBucketLifecycleConfigurationResponse.builder().transitionDefaultMinimumObjectSize(minimumSize).build();
    }

    public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(CallContext ctx,
            GetBucketLifecycleConfigurationRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        BucketLifecycleConfiguration config = BucketSettings.required(bucket, BucketLifecycleConfiguration.class,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
        MinimumTransitionSize size = bucket.setting(MinimumTransitionSize.class);
        return GetBucketLifecycleConfigurationResponse.builder().rules(config.rules())
                .transitionDefaultMinimumObjectSize(size == null ? DEFAULT_MINIMUM_SIZE : size.value()).build();
    }

    public DeleteBucketLifecycleResponse deleteBucketLifecycle(CallContext ctx, DeleteBucketLifecycleRequest request) {
        state.bucket(ctx.principal(), request.bucket()).setting(BucketLifecycleConfiguration.class, null);
        return DeleteBucketLifecycleResponse.builder().build();
    }

    private static void check(LifecycleRule rule) {
        String status = rule.statusAsString();
        if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
            throw S3Errors.malformedXml();
        }
        if (rule.id() != null && rule.id().length() > MAX_ID) {
            throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255", "ID", rule.id());
        }
        if (rule.filter() == null && rule.prefix() == null) {
            throw S3Errors.malformedXml();
        }
        if (rule.expiration() == null && rule.transitions().isEmpty() && rule.noncurrentVersionExpiration() == null
                && rule.noncurrentVersionTransitions().isEmpty() && rule.abortIncompleteMultipartUpload() == null) {
            throw S3Errors.invalidRequest("At least one action needs to be specified in a rule");
        }
        if (rule.expiration() != null) {
            Integer days = rule.expiration().days();
            if (days != null && days <= 0) {
                throw S3Errors.invalidArgument("'Days' for Expiration action must be a positive integer", "Days",
                        days.toString());
            }
            int given = (days == null ? 0 : 1) + (rule.expiration().date() == null ? 0 : 1)
                    + (rule.expiration().expiredObjectDeleteMarker() == null ? 0 : 1);
            if (given != 1) {
                throw S3Errors.malformedXml();
            }
        }
        for (Transition t : rule.transitions()) {
            checkTransition(t.storageClassAsString(), t.days(), "'Days' in Transition action");
            if (t.days() == null && t.date() == null) {
                throw S3Errors.malformedXml();
            }
        }
        for (NoncurrentVersionTransition t : rule.noncurrentVersionTransitions()) {
            checkTransition(t.storageClassAsString(), t.noncurrentDays(), "'NoncurrentDays' in NoncurrentVersionTransition action");
        }
        boolean tags = LifecycleFilters.hasTags(rule);
        if (tags && rule.abortIncompleteMultipartUpload() != null) {
            throw S3Errors.invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
        }
        if (tags && rule.expiration() != null && rule.expiration().expiredObjectDeleteMarker() != null) {
            throw S3Errors.invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Tags.");
        }
        if (rule.abortIncompleteMultipartUpload() != null && (rule.abortIncompleteMultipartUpload().daysAfterInitiation() == null
                || rule.abortIncompleteMultipartUpload().daysAfterInitiation() <= 0)) {
            throw S3Errors.invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer",
                    "DaysAfterInitiation", String.valueOf(rule.abortIncompleteMultipartUpload().daysAfterInitiation()));
        }
        if (rule.noncurrentVersionExpiration() != null && rule.noncurrentVersionExpiration().noncurrentDays() != null
                && rule.noncurrentVersionExpiration().noncurrentDays() <= 0) {
            throw S3Errors.invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer",
                    "NoncurrentDays", rule.noncurrentVersionExpiration().noncurrentDays().toString());
        }
    }

    /** A transition names a class lifecycle can move to, and infrequent-access classes only after 30 days (S3's minimum). */
    private static void checkTransition(String storageClass, Integer days, String what) {
        if (storageClass == null || "STANDARD".equals(storageClass) || "REDUCED_REDUNDANCY".equals(storageClass)
                || StorageClasses.validate(storageClass) == null) {
            throw S3Errors.malformedXml();
        }
        if (days != null && days < 0) {
            throw S3Errors.invalidArgument(what + " must be a non-negative integer", "Days", days.toString());
        }
        if (days != null && days < 30 && ("STANDARD_IA".equals(storageClass) || "ONEZONE_IA".equals(storageClass))) {
            throw S3Errors.invalidArgument(what + " must be greater than or equal to 30 for storageClass '" + storageClass + "'",
                    "Days", days.toString());
        }
    }

    /** The transition minimum size a bucket's lifecycle applies, as the last Put chose it. */
    record MinimumTransitionSize(String value) {
    }
}
