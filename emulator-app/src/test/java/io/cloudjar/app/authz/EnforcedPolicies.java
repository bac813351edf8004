package io.cloudjar.app.authz;

import io.cloudjar.core.testing.CloudjarServerExtension;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** Users made by the account root with one inline policy, and clients signed with their keys. */
final class EnforcedPolicies {
    private final CloudjarServerExtension cloudjar;

    EnforcedPolicies(CloudjarServerExtension cloudjar) {
        this.cloudjar = cloudjar;
    }

    /** A new user with only this policy; the returned key signs as the user. */
    AccessKey user(String name, String path, String policy) {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            root.createUser(r -> r.userName(name).path(path));
            root.putUserPolicy(r -> r.userName(name).policyName("only").policyDocument(policy));
            return root.createAccessKey(r -> r.userName(name)).accessKey();
        }
    }

    <B extends AwsClientBuilder<B, C>, C> C client(B builder, AccessKey key) {
        return cloudjar.client(builder, Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey());
    }

    /** A policy document of the given statements ({@code {"Effect":...}} objects). */
    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    static String allow(String action, String resource, String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":" + condition + "}";
    }

    static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }
}
