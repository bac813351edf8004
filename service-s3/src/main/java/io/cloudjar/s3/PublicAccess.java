package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** The Block Public Access settings in force for a bucket (its own; none set means nothing is blocked). */
final class PublicAccess {
    private static final PublicAccessBlockConfiguration NONE = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(false).restrictPublicBuckets(false).build();
    static final PublicAccessBlockConfiguration ALL = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();

    private PublicAccess() {
    }

    static PublicAccessBlockConfiguration settings(Bucket bucket) {
        PublicAccessBlockConfiguration config = bucket.setting(PublicAccessBlockConfiguration.class);
        return config == null ? NONE : config;
    }
}
