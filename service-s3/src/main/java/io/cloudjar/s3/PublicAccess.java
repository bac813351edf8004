package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * The Block Public Access settings in force for a bucket: its own and its owner account's (S3 Control), a flag set at
 * either level applying; none set means nothing is blocked.
 */
final class PublicAccess {
    private static final PublicAccessBlockConfiguration NONE = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(false).restrictPublicBuckets(false).build();
    static final PublicAccessBlockConfiguration ALL = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();

    private PublicAccess() {
    }

    static PublicAccessBlockConfiguration settings(S3State state, Bucket bucket) {
        PublicAccessBlockConfiguration own = bucket.setting(PublicAccessBlockConfiguration.class);
        if (own == null) {
            own = NONE;
        }
        var account = state.accountBlocks().get(bucket.ownerAccount());
        if (account == null) {
            return own;
        }
        return PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(on(own.blockPublicAcls()) || on(account.blockPublicAcls()))
                .ignorePublicAcls(on(own.ignorePublicAcls()) || on(account.ignorePublicAcls()))
                .blockPublicPolicy(on(own.blockPublicPolicy()) || on(account.blockPublicPolicy()))
                .restrictPublicBuckets(on(own.restrictPublicBuckets()) || on(account.restrictPublicBuckets())).build();
    }

    private static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
