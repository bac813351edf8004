import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The driver of persist-bench.sh. {@code fill <endpoint> <instances> <clients>}: launches that many instances, one
 * RunInstances each from several clients, and prints launches per second (what writing state through costs shows
 * as the difference between a server with and one without PERSISTENCE). {@code count <endpoint>}: prints how many
 * instances DescribeInstances lists (after a restart: all of them must be back).
 */
public final class PersistBench {
    public static void main(String[] args) throws Exception {
        SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).build();
        Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(args[1])).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        if (args[0].equals("count")) {
            long n = ec2.describeInstancesPaginator(r -> r.maxResults(1000)).reservations().stream()
                    .mapToLong(r -> r.instances().size()).sum();
            System.out.println("instances_listed " + n);
            return;
        }
        int instances = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = instances / clients + (c < instances % clients ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    Instance launched = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                            .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("bench").value("1"))))
                            .instances().get(0);
                    if (launched.instanceId() == null) {
                        throw new IllegalStateException("no instance id");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "run_instances_per_s %.0f (%d instances, %d clients, %.1f s)%n",
                instances / seconds, instances, clients, seconds);
    }
}
