import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * EC2 figures with the real AWS SDK v2 {@link Ec2Client} (one client, calls in sequence): RunInstances of the
 * first 1,000 instances and of all of them, then DescribeInstances latency over the whole fleet for the queries
 * people run. Setup: {@code vpcs} VPCs (10.N.0.0/16) with one /20 subnet each (4,091 usable addresses), and
 * {@code instances / vpcs} t3.micro Ubuntu 22.04 instances per VPC, launched {@code batch} per call and tagged
 * {@code Name=svc-NNN} (one name per VPC); the instances of the last tenth of the VPCs are then stopped, so
 * {@code instance-state-name=running} selects nine tenths. Every answer's size is checked.
 * Run by ec2-bench.sh; alone:
 * {@code java -cp <sdk classpath> benchmark/Ec2Bench.java http://127.0.0.1:4566 [instances] [vpcs] [batch] [samples] [server pid]}.
 */
public final class Ec2Bench {
    private static final int PAGE = 1000;
    private static final int WARMUP = 30;

    private final Ec2Client ec2;
    private final Random random = new Random(7);

    private Ec2Bench(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int vpcs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int samples = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        String serverPid = args.length > 5 ? args[5] : null;
        if (instances % vpcs != 0 || (instances / vpcs) % batch != 0) {
            throw new IllegalArgumentException("instances must be a multiple of vpcs × batch");
        }
        if (vpcs > 256 || instances / vpcs > 4091) {
            throw new IllegalArgumentException("at most 256 VPCs (10.N.0.0/16) of 4,091 instances (a /20 subnet)");
        }
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofMinutes(2)))
                // a retried call would hide a slow or failed one inside one sample
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            new Ec2Bench(ec2).run(instances, vpcs, batch, samples, serverPid);
        }
    }

    private void run(int total, int vpcCount, int batch, int samples, String serverPid) throws Exception {
        String imageId = ubuntuJammy();
        List<String> subnets = new ArrayList<>();
        List<String> vpcs = new ArrayList<>();
        for (int v = 0; v < vpcCount; v++) {
            String cidr = vpcCidr(v);
            String vpcId = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
            vpcs.add(vpcId);
            subnets.add(ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr.replace("/16", "/20"))).subnet().subnetId());
        }

        // RunInstances, VPC by VPC, `batch` instances per call
        int perVpc = total / vpcCount;
        List<String> ids = new ArrayList<>(total);
        List<List<String>> idsByVpc = new ArrayList<>();
        long start = System.nanoTime();
        double firstSeconds = Double.NaN;
        int firstCount = 0;
        for (int v = 0; v < vpcCount; v++) {
            List<String> inVpc = new ArrayList<>();
            for (int launched = 0; launched < perVpc; launched += batch) {
                RunInstancesResponse run = runInstances(imageId, subnets.get(v), name(v), batch);
                run.instances().forEach(i -> inVpc.add(i.instanceId()));
                if (firstCount == 0 && ids.size() + inVpc.size() >= 1000) { // the first call reaching 1,000
                    firstSeconds = seconds(start);
                    firstCount = ids.size() + inVpc.size();
                }
            }
            ids.addAll(inVpc);
            idsByVpc.add(inVpc);
        }
        double allSeconds = seconds(start);
        print("run_first_" + firstCount + "_s", firstSeconds);
        print("run_first_" + firstCount + "_instances_per_s", firstCount / firstSeconds);
        print("run_all_s", allSeconds);
        print("run_all_instances_per_s", total / allSeconds);

        // the last tenth of the VPCs stopped (once running: pending instances cannot be stopped), the rest running
        long settleStart = System.nanoTime();
        while (count("pending") > 0) {
            Thread.sleep(200);
        }
        int stoppedVpcs = vpcCount / 10;
        for (int v = vpcCount - stoppedVpcs; v < vpcCount; v++) {
            List<String> inVpc = idsByVpc.get(v);
            for (int from = 0; from < inVpc.size(); from += batch) {
                List<String> some = inVpc.subList(from, Math.min(inVpc.size(), from + batch));
                ec2.stopInstances(r -> r.instanceIds(some));
            }
        }
        int stopped = stoppedVpcs * perVpc;
        while (count("stopping") > 0) {
            Thread.sleep(200);
        }
        print("settle_s", seconds(settleStart));
        if (serverPid != null) {
            System.out.printf(Locale.ROOT, "rss_after_setup_mb %d%n", rssMb(serverPid));
        }

        // DescribeInstances latencies
        latency("by_instance_id", samples, () -> size(ec2.describeInstances(r -> r.instanceIds(pick(ids)))), 1);
        latency("filter_vpc_id", samples, () -> size(ec2.describeInstances(r -> r.filters(
                filter("vpc-id", pick(vpcs))))), perVpc);
        latency("filter_tag_name", samples, () -> size(ec2.describeInstances(r -> r.filters(
                filter("tag:Name", name(random.nextInt(vpcCount)))))), perVpc);
        int scans = Math.max(3, samples / 40);
        List<Double> pages = new ArrayList<>();
        for (int scan = 0; scan < scans + 1; scan++) { // the first scan warms up
            List<Double> scanPages = new ArrayList<>();
            int seen = scan(filter("instance-state-name", "running"), scanPages);
            check("running scan", seen, total - stopped);
            if (scan > 0) {
                pages.addAll(scanPages);
            }
        }
        percentiles("filter_running_page_of_1000", pages);
        List<Double> fullScans = new ArrayList<>();
        for (int scan = 0; scan < scans + 1; scan++) {
            List<Double> scanPages = new ArrayList<>();
            long scanStart = System.nanoTime();
            check("full scan", scan(null, scanPages), total);
            if (scan > 0) {
                fullScans.add(seconds(scanStart) * 1000);
            }
        }
        percentiles("full_scan_total", fullScans);
        System.out.printf(Locale.ROOT, "setup %d VPCs, %d instances, %d per RunInstances call, %d stopped; %d samples per"
                + " query, %d scans%n", vpcCount, total, batch, stopped, samples, scans);
    }

    private String ubuntuJammy() {
        return ec2.describeImages(r -> r.owners("099720109477").filters(
                        filter("name", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"))).images().stream()
                .max(java.util.Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
    }

    private RunInstancesResponse runInstances(String imageId, String subnetId, String name, int count) {
        RunInstancesResponse run = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").subnetId(subnetId)
                .minCount(count).maxCount(count).tagSpecifications(TagSpecification.builder()
                        .resourceType(ResourceType.INSTANCE).tags(tag("Name", name), tag("env", "bench")).build()));
        check("RunInstances", run.instances().size(), count);
        return run;
    }

    /** One paged DescribeInstances sequence (MaxResults 1000); the latency of each page goes to {@code pageMillis}. */
    private int scan(Filter filter, List<Double> pageMillis) {
        String token = null;
        int seen = 0;
        do {
            DescribeInstancesRequest.Builder request = DescribeInstancesRequest.builder().maxResults(PAGE).nextToken(token);
            if (filter != null) {
                request.filters(filter);
            }
            long start = System.nanoTime();
            DescribeInstancesResponse page = ec2.describeInstances(request.build());
            pageMillis.add((System.nanoTime() - start) / 1e6);
            seen += size(page);
            token = page.nextToken();
        } while (token != null);
        return seen;
    }

    private int count(String state) {
        int n = 0;
        String token = null;
        do {
            String after = token;
            DescribeInstancesResponse page = ec2.describeInstances(r -> r.maxResults(PAGE).nextToken(after)
                    .filters(filter("instance-state-name", state)));
            n += size(page);
            token = page.nextToken();
        } while (token != null);
        return n;
    }

    private void latency(String name, int samples, IntSupplier call, int expected) {
        for (int i = 0; i < WARMUP; i++) {
            check(name, call.getAsInt(), expected);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            int size = call.getAsInt();
            millis.add((System.nanoTime() - start) / 1e6);
            check(name, size, expected);
        }
        percentiles(name, millis);
    }

    private static void percentiles(String name, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s_ms p50 %.1f p99 %.1f max %.1f (n=%d)%n", name, at(sorted, 0.50),
                at(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    /** The nearest-rank percentile. */
    private static double at(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static int size(DescribeInstancesResponse response) {
        return response.reservations().stream().mapToInt(r -> r.instances().size()).sum();
    }

    private static void check(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + " answered " + actual + " instances, expected " + expected);
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String vpcCidr(int v) {
        return "10." + v + ".0.0/16";
    }

    private static String name(int vpc) {
        return String.format(Locale.ROOT, "svc-%03d", vpc);
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String name, double value) {
        System.out.printf(Locale.ROOT, "%s %.2f%n", name, value);
    }

    private static long rssMb(String pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
