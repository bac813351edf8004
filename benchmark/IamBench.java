import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What enforcing IAM costs: the same IAM user (an inline policy allowing s3:* and ec2:Describe*, denying one
 * VPC and one prefix, so the evaluator has statements to weigh) calls S3 4 KiB GetObject and EC2 DescribeVpcs on
 * two servers, one without and one with {@code ENFORCE_IAM=1}. Rounds alternate between the servers so drift on a
 * shared machine falls on both. Run by iam-bench.sh; alone:
 * {@code java benchmark/IamBench.java <off-endpoint> <on-endpoint> [clients] [seconds] [rounds]}.
 */
public final class IamBench {
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":["s3:*","ec2:Describe*"],"Resource":"*"},
             {"Effect":"Deny","Action":"ec2:*","Resource":"arn:aws:ec2:*:*:vpc/vpc-00000000000000000"},
             {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::*/secret/*"},
             {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}]}""";
    private static final int OBJECTS = 100;

    public static void main(String[] args) throws Exception {
        String off = args[0];
        String on = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        SdkHttpClient http = Apache5HttpClient.builder().maxConnections(clients * 2).build();
        Target offTarget = Target.setUp(off, http);
        Target onTarget = Target.setUp(on, http);
        double[][] get = new double[2][rounds];
        double[][] describe = new double[2][rounds];
        for (int round = -1; round < rounds; round++) { // round -1 warms both servers and the client up, unrecorded
            for (int mode = 0; mode < 2; mode++) {
                Target t = mode == 0 ? offTarget : onTarget;
                double getOps = run(clients, seconds, () -> t.s3.getObjectAsBytes(
                        r -> r.bucket(t.bucket).key("small/" + ThreadLocalRandom.current().nextInt(OBJECTS))));
                double describeOps = run(clients, seconds, () -> t.ec2.describeVpcs());
                if (round >= 0) {
                    get[mode][round] = getOps;
                    describe[mode][round] = describeOps;
                }
            }
        }
        print("s3_get_4k_ops_per_s", get);
        print("ec2_describe_vpcs_ops_per_s", describe);
        System.out.printf(Locale.ROOT, "(%d clients, %d rounds of %d s per figure after one warm-up round, best round; %d CPUs)%n",
                clients, rounds, seconds, Runtime.getRuntime().availableProcessors());
    }

    /** The best round of each mode, and what enforcement costs relative to off. */
    private static void print(String name, double[][] figures) {
        double off = max(figures[0]);
        double on = max(figures[1]);
        System.out.printf(Locale.ROOT, "%s_enforce_off %.0f%n", name, off);
        System.out.printf(Locale.ROOT, "%s_enforce_on %.0f%n", name, on);
        System.out.printf(Locale.ROOT, "%s_enforcement_cost_percent %.1f%n", name, 100 * (off - on) / off);
    }

    private static double max(double[] values) {
        double best = 0;
        for (double v : values) {
            best = Math.max(best, v);
        }
        return best;
    }

    private static double run(int clients, int seconds, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    call.run();
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** One server with the bench user, its bucket of small objects and clients signed with the user's key. */
    private record Target(S3Client s3, Ec2Client ec2, String bucket) {
        static Target setUp(String endpoint, SdkHttpClient http) {
            StaticCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            IamClient iam = IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
                    .credentialsProvider(root).httpClient(http).build();
            iam.createUser(r -> r.userName("bench"));
            iam.putUserPolicy(r -> r.userName("bench").policyName("bench").policyDocument(POLICY));
            AccessKey key = iam.createAccessKey(r -> r.userName("bench")).accessKey();
            StaticCredentialsProvider user = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
            S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(user).httpClient(http).build();
            String bucket = "iam-bench";
            s3.createBucket(r -> r.bucket(bucket));
            byte[] body = new byte[4096];
            for (int i = 0; i < OBJECTS; i++) {
                int n = i;
                s3.putObject(r -> r.bucket(bucket).key("small/" + n), RequestBody.fromBytes(body));
            }
            Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(user).httpClient(http).build();
            return new Target(s3, ec2, bucket);
        }
    }
}
