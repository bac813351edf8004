package io.cloudjar.app.iam;

import io.cloudjar.core.testing.CloudjarServerExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.model.Credentials;

/** IAM users with access keys, made through the IAM API as a user would, and SDK clients signed as them. */
final class TestPrincipals {
    static final String ALLOW_ALL_S3 = policy("Allow", "s3:*", "*");

    private final CloudjarServerExtension cloudjar;

    TestPrincipals(CloudjarServerExtension cloudjar) {
        this.cloudjar = cloudjar;
    }

    /** A user of the account {@code root} signs for, with a key and the given managed policies. */
    AccessKey user(IamClient root, String name, String... managedPolicyArns) {
        root.createUser(r -> r.userName(name));
        for (String arn : managedPolicyArns) {
            root.attachUserPolicy(r -> r.userName(name).policyArn(arn));
        }
        return root.createAccessKey(r -> r.userName(name)).accessKey();
    }

    <B extends AwsClientBuilder<B, C>, C> C as(B builder, AccessKey key) {
        return cloudjar.client(builder, Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey());
    }

    /** Signed with an account's root key pair: a 12-digit access key is the root of that account. */
    <B extends AwsClientBuilder<B, C>, C> C asRootOf(B builder, String account) {
        return cloudjar.client(builder, Region.US_EAST_1, account, "test");
    }

    <B extends AwsClientBuilder<B, C>, C> C asSession(B builder, Credentials c) {
        return builder.endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .build();
    }

    static S3ClientBuilder s3() {
        return S3Client.builder().forcePathStyle(true);
    }

    /** A one-statement policy; {@code principal} (JSON) makes it resource-based. */
    static String policy(String effect, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String bucketPolicy(String effect, String principalJson, String action, String... resources) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Grant\",\"Effect\":\"" + effect + "\",\"Principal\":"
                + principalJson + ",\"Action\":\"" + action + "\",\"Resource\":[\"" + String.join("\",\"", resources) + "\"]}]}";
    }
}
