package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * "Acknowledged means durable": a stream of IAM, EC2, S3, RDS and Lightsail calls from several threads, the server killed with SIGKILL in the middle
 * of it, a new server on the same data directory. Every call that was answered with success is there.
 */
class KillNineTest {
    private static final int KILL_AFTER = 60;

    @TempDir
    Path dataDir;

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder,
            URI endpoint, Region region) {
        return builder.endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(s -> s.maxAttempts(1)))
                .build();
    }

    @Test
    void everyAcknowledgedCallSurvivesKillNine() throws Exception {
        ConcurrentLinkedQueue<String> users = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> vpcs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> taggedVpcs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> objects = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> parameterGroups = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> staticIps = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(KILL_AFTER);
        ServerProcess first = ServerProcess.startPersistent(dataDir, Map.of());
        client(S3Client.builder().forcePathStyle(true), first.endpoint(), Region.US_EAST_1).createBucket(r -> r.bucket("stream"));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    IamClient iam = client(IamClient.builder(), first.endpoint(), Region.AWS_GLOBAL);
                    Ec2Client ec2 = client(Ec2Client.builder(), first.endpoint(), Region.EU_WEST_1);
                    S3Client s3 = client(S3Client.builder().forcePathStyle(true), first.endpoint(), Region.US_EAST_1);
                    RdsClient rds = client(RdsClient.builder(), first.endpoint(), Region.EU_WEST_1);
                    LightsailClient lightsail = client(LightsailClient.builder(), first.endpoint(), Region.US_EAST_1);
                    for (int i = 0; ; i++) {
                        try {
                            String name = "user-" + writer + "-" + i;
                            iam.createUser(r -> r.userName(name));
                            users.add(name);
                            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
                            vpcs.add(vpcId);
                            ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("Name").value(name)));
                            taggedVpcs.add(vpcId);
                            s3.putObject(r -> r.bucket("stream").key(name), RequestBody.fromString("body of " + name));
                            objects.add(name);
                            rds.createDBParameterGroup(r -> r.dbParameterGroupName(name).dbParameterGroupFamily("postgres16")
                                    .description("stream"));
                            parameterGroups.add(name);
                            lightsail.allocateStaticIp(r -> r.staticIpName(name));
                            staticIps.add(name);
                        } catch (RuntimeException killed) {
                            return null;
                        }
                        enough.countDown();
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            first.kill9(); // while the writers are in the middle of their calls
        } finally {
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        try (ServerProcess second = ServerProcess.startPersistent(dataDir, Map.of())) {
            IamClient iam = client(IamClient.builder(), second.endpoint(), Region.AWS_GLOBAL);
            Ec2Client ec2 = client(Ec2Client.builder(), second.endpoint(), Region.EU_WEST_1);
            List<String> listedUsers = iam.listUsersPaginator(r -> { }).users().stream().map(u -> u.userName()).toList();
            assertThat(listedUsers).containsAll(users);
            var described = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("false"))).vpcs();
            assertThat(described).extracting(v -> v.vpcId()).containsAll(vpcs);
            assertThat(described.stream().filter(v -> taggedVpcs.contains(v.vpcId())))
                    .allSatisfy(v -> assertThat(v.tags()).isNotEmpty()).hasSize(taggedVpcs.size());
            S3Client s3 = client(S3Client.builder().forcePathStyle(true), second.endpoint(), Region.US_EAST_1);
            for (String key : objects) {
                assertThat(s3.getObjectAsBytes(r -> r.bucket("stream").key(key)).asUtf8String()).isEqualTo("body of " + key);
            }
            RdsClient rds = client(RdsClient.builder(), second.endpoint(), Region.EU_WEST_1);
            List<String> groups = rds.describeDBParameterGroupsPaginator(r -> { }).dbParameterGroups().stream()
                    .map(g -> g.dbParameterGroupName()).toList();
            assertThat(groups).containsAll(parameterGroups);
            LightsailClient lightsail = client(LightsailClient.builder(), second.endpoint(), Region.US_EAST_1);
            List<String> ips = new java.util.ArrayList<>();
            String token = null;
            do {
                String pageToken = token;
                var page = lightsail.getStaticIps(r -> r.pageToken(pageToken));
                page.staticIps().forEach(ip -> ips.add(ip.name()));
                token = page.nextPageToken();
            } while (token != null);
            assertThat(ips).containsAll(staticIps);
            assertThat(users.size()).isGreaterThanOrEqualTo(KILL_AFTER / 3);
            assertThat(staticIps.size()).isGreaterThanOrEqualTo(KILL_AFTER / 3);
        }
    }
}
