import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The driver of persist-bench.sh. {@code fill <endpoint> <instances> <objects> <clients>}: launches that many
 * instances (one RunInstances each) and puts that many 1 KiB objects into one bucket, from several clients, and prints
 * launches and puts per second (what writing state through costs shows as the difference between a server with and
 * one without PERSISTENCE). {@code count <endpoint>}: prints how many instances DescribeInstances lists and how many
 * objects the bucket holds (after a restart: all of them must be back).
 */
public final class PersistBench {
    public static void main(String[] args) throws Exception {
        SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).build();
        Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(args[1])).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[1])).region(Region.US_EAST_1).httpClient(http)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        if (args[0].equals("count")) {
            long n = ec2.describeInstancesPaginator(r -> r.maxResults(1000)).reservations().stream()
                    .mapToLong(r -> r.instances().size()).sum();
            long objects = s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().count();
            System.out.println("instances_listed " + n + ", objects_listed " + objects);
            return;
        }
        int instances = Integer.parseInt(args[2]);
        int objects = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        s3.createBucket(r -> r.bucket(BUCKET));
        byte[] body = new byte[1024];
        double putSeconds = inParallel(objects, clients, i -> s3.putObject(r -> r.bucket(BUCKET).key("objects/" + i),
                RequestBody.fromBytes(body)));
        System.out.printf(Locale.ROOT, "put_object_per_s %.0f (%d objects of 1 KiB, %d clients, %.1f s); ",
                objects / putSeconds, objects, clients, putSeconds);
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        double seconds = inParallel(instances, clients, i -> {
            Instance launched = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                    .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("bench").value("1"))))
                    .instances().get(0);
            if (launched.instanceId() == null) {
                throw new IllegalStateException("no instance id");
            }
        });
        System.out.printf(Locale.ROOT, "run_instances_per_s %.0f (%d instances, %d clients, %.1f s)%n",
                instances / seconds, instances, clients, seconds);
    }

    private static final String BUCKET = "persist-bench";

    /** Runs {@code call} for 0..count-1 spread over {@code clients} threads; returns the seconds it took. */
    private static double inParallel(int count, int clients, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    call.accept(i);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }
}
