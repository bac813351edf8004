package io.cloudjar.app.auth;

import io.cloudjar.core.testing.CloudjarServerExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** SDK clients of every kind of API for one key pair; without retries, so a refusal is seen as it is. */
record Clients(S3Client s3, IamClient iam, StsClient sts, Ec2Client ec2) implements AutoCloseable {
    static Clients of(CloudjarServerExtension cloudjar, String accessKey, String secretKey) {
        return of(cloudjar, AwsBasicCredentials.create(accessKey, secretKey));
    }

    static Clients of(CloudjarServerExtension cloudjar, AccessKey key) {
        return of(cloudjar, key.accessKeyId(), key.secretAccessKey());
    }

    static Clients of(CloudjarServerExtension cloudjar, AwsCredentials credentials) {
        return new Clients(
                build(cloudjar, S3Client.builder().forcePathStyle(true), Region.US_EAST_1, credentials),
                build(cloudjar, IamClient.builder(), Region.AWS_GLOBAL, credentials),
                build(cloudjar, StsClient.builder(), Region.US_EAST_1, credentials),
                build(cloudjar, Ec2Client.builder(), Region.US_EAST_1, credentials));
    }

    static Clients session(CloudjarServerExtension cloudjar, software.amazon.awssdk.services.sts.model.Credentials c) {
        return of(cloudjar, AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    static <B extends AwsClientBuilder<B, C>, C> C build(CloudjarServerExtension cloudjar, B builder, Region region,
            AwsCredentials credentials) {
        return builder.endpointOverride(cloudjar.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
        sts.close();
        ec2.close();
    }
}
