import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Soak test: {@code clients} worker threads call one Cloudjar server for a bounded time with a weighted random
 * mix of S3 (small objects, ranges, copies, listings, 100 MiB streamed objects, multipart uploads, bucket churn),
 * EC2/VPC (VPC, subnet, security group, instance lifecycles; describes), IAM (user, policy and access key
 * lifecycles) and STS (GetCallerIdentity, AssumeRole) calls through the AWS SDK v2 clients sharing one Apache 5
 * HTTP client. Every call has a deadline (60 s; 5 min for a 100 MiB body): one that passes it counts as hung.
 * What a worker writes it reads back and compares byte for byte (objects are generated from a seed, never held
 * whole in memory), and what it creates it deletes, so the server's state and disk stay bounded.
 * <p>
 * Every {@code soak.sample} seconds one line: the server's RSS, open descriptors and threads (from
 * {@code /proc/<pid>}), the data directory's size, calls and errors so far. At the end a summary: calls, calls/s,
 * errors by class (HTTP status and error code, hung, client-side exceptions, data mismatches), p50/p99/max per
 * operation, RSS, descriptors and threads at start, after warm-up and at the end, and resources left behind.
 * Exits 1 on any 5xx answer, hung call or data mismatch.
 * <p>
 * Run by soak.sh; alone:
 * {@code java -cp <sdk classpath> benchmark/Soak.java http://127.0.0.1:4566 <seconds> <clients> [server pid] [data dir]}.
 * System properties: {@code soak.warmup} (seconds; default a quarter of the run, at most 60), {@code soak.sample}
 * (10), {@code soak.bigMiB} (100), {@code soak.bigConcurrency} (2), {@code soak.bigEvery} (seconds between the
 * starts of two big transfers, 5), {@code soak.multipartConcurrency} (4), {@code soak.callTimeout} (60),
 * {@code soak.bigTimeout} (300), {@code soak.slow} (seconds over which a successful call is listed, 10),
 * {@code soak.gcProbe} (true: the server's live heap after a full GC at the end of the warm-up and of the load,
 * with jcmd and jstat), {@code soak.out} (a directory for a server thread dump when a call hangs).
 */
public final class Soak {
    static final String ACCOUNT = "000000000000";
    static final int MIB = 1024 * 1024;
    static final int PART = 5 * MIB;
    static final int PARTS = 3;
    static final int OWN_KEYS = 64;
    static final int SHARED_KEYS = 100;
    static final int BUCKETS = 4;

    final URI endpoint;
    final long seconds;
    final int clients;
    final String pid;
    final Path dataDir;
    final long warmupSeconds = Long.getLong("soak.warmup", -1);
    final long sampleSeconds = Long.getLong("soak.sample", 10);
    final long bigBytes = Long.getLong("soak.bigMiB", 100) * MIB;
    final Semaphore bigSlots = new Semaphore(Integer.getInteger("soak.bigConcurrency", 2));
    final long bigEveryNanos = Long.getLong("soak.bigEvery", 5) * 1_000_000_000L;
    final AtomicLong nextBigStart = new AtomicLong(System.nanoTime());
    final Semaphore multipartSlots = new Semaphore(Integer.getInteger("soak.multipartConcurrency", 4));
    final Duration callTimeout = Duration.ofSeconds(Long.getLong("soak.callTimeout", 60));
    final Duration bigTimeout = Duration.ofSeconds(Long.getLong("soak.bigTimeout", 300));
    final long slowMicros = Long.getLong("soak.slow", 10) * 1_000_000L;
    final Path out = System.getProperty("soak.out") == null ? null : Path.of(System.getProperty("soak.out"));
    final boolean gcProbe = Boolean.parseBoolean(System.getProperty("soak.gcProbe", "true"));
    final Map<String, Long> liveHeap = new java.util.LinkedHashMap<>();
    volatile boolean threadsDumped;
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    final List<String> buckets = new ArrayList<>();
    final Stats stats = new Stats();
    final List<Worker> workers = new ArrayList<>();
    final List<Sample> samples = new CopyOnWriteArrayList<>();

    Map<String, Integer> fdsAtStartKept = Map.of();
    Map<String, Integer> fdsAtClose = Map.of();
    SdkHttpClient http;
    S3Client s3;
    Ec2Client ec2;
    IamClient iam;
    StsClient sts;
    String imageId;
    String roleArn;
    String roleName;
    volatile boolean stopping;
    long startNanos;

    Soak(String[] args) {
        endpoint = URI.create(args[0]);
        seconds = Long.parseLong(args[1]);
        clients = Integer.parseInt(args[2]);
        pid = args.length > 3 && !args[3].isEmpty() ? args[3] : null;
        dataDir = args.length > 4 && !args[4].isEmpty() ? Path.of(args[4]) : null;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(args);
        int code = soak.runAll();
        System.out.flush();
        System.exit(code);
    }

    long warmup() {
        return warmupSeconds >= 0 ? warmupSeconds : Math.min(60, seconds / 4);
    }

    int runAll() throws Exception {
        http = Apache5HttpClient.builder().maxConnections(clients * 2 + 8).socketTimeout(bigTimeout)
                .connectionTimeout(Duration.ofSeconds(10)).connectionAcquisitionTimeout(Duration.ofSeconds(30)).build();
        AwsCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(root).httpClient(http).overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout)).build();
        ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(root)
                .httpClient(http).overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout)).build();
        iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(root)
                .httpClient(http).overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout)).build();
        sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(root)
                .httpClient(http).overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout)).build();

        Sample first = sample(0);
        Map<String, Integer> fdsAtStart = fdKinds();
        System.out.printf(Locale.ROOT, "soak %s: %d clients for %d s (warm-up %d s) against %s, server pid %s%n",
                run, clients, seconds, warmup(), endpoint, pid == null ? "-" : pid);
        print(first);
        setup();
        Map<String, Integer> before = census();

        startNanos = System.nanoTime();
        stats.startNanos = startNanos;
        long endNanos = startNanos + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            Worker w = new Worker(this, i, endNanos);
            workers.add(w);
        }
        Thread sampler = new Thread(this::sampleLoop, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        workers.forEach(w -> w.thread.start());
        long joinDeadline = endNanos + bigTimeout.toNanos() + 120_000_000_000L;
        for (Worker w : workers) {
            w.thread.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
        }
        long loadSeconds = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000_000L);
        long loadCalls = stats.calls();
        stopping = true;
        for (Worker w : workers) {
            if (w.thread.isAlive()) {
                stats.record(w.op == null ? "?" : w.op, 0, "hung never returned", w.op + " " + w.detail
                        + " still running at the end\n" + stack(w.thread));
            }
        }
        Sample endOfLoad = sample((System.nanoTime() - startNanos) / 1_000_000_000L);
        samples.add(endOfLoad);
        System.out.print("end of load: ");
        print(endOfLoad);
        probeHeap("end");

        cleanup();
        Map<String, Integer> after = census();
        s3.close();
        ec2.close();
        iam.close();
        sts.close();
        http.close();
        Thread.sleep(5000);
        Sample closed = sample((System.nanoTime() - startNanos) / 1_000_000_000L);
        System.out.print("clients closed, 5 s later: ");
        print(closed);
        fdsAtClose = fdKinds();
        fdsAtStartKept = fdsAtStart;
        return summary(first, endOfLoad, closed, loadSeconds, loadCalls, before, after);
    }

    // ---------------------------------------------------------------- setup, cleanup, census

    void setup() {
        for (int b = 0; b < BUCKETS; b++) {
            String name = "soak-" + run + "-" + b;
            s3.createBucket(r -> r.bucket(name));
            buckets.add(name);
        }
        roleName = "soak-role-" + run;
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        roleArn = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)).role().arn();
        imageId = ec2.describeImages(r -> r.owners("099720109477").filters(Filter.builder().name("name")
                        .values("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*").build())).images().stream()
                .max(Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
    }

    /** Counts what the soak creates, before and after it: VPCs, live instances, IAM users, buckets, uploads. */
    Map<String, Integer> census() {
        Map<String, Integer> counts = new TreeMap<>();
        try {
            counts.put("vpcs", ec2.describeVpcs().vpcs().size());
            counts.put("subnets", ec2.describeSubnets().subnets().size());
            counts.put("security groups", ec2.describeSecurityGroups().securityGroups().size());
            // filtered and paged on the server: terminated instances stay listed for an hour, tens of thousands after
            // a long run, and one unpaged answer of them all does not fit the client's heap
            counts.put("instances not terminated", (int) ec2.describeInstancesPaginator(r -> r.maxResults(1000)
                    .filters(f -> f.name("instance-state-name").values("pending", "running", "shutting-down", "stopping", "stopped")))
                    .reservations().stream().mapToLong(r -> r.instances().size()).sum());
            counts.put("iam users", (int) iam.listUsersPaginator().users().stream().count());
            counts.put("buckets", s3.listBuckets().buckets().size());
            int objects = 0;
            int uploads = 0;
            for (String b : buckets) {
                if (bucketExists(b)) {
                    objects += s3.listObjectsV2Paginator(r -> r.bucket(b)).contents().stream().mapToInt(o -> 1).sum();
                    uploads += s3.listMultipartUploads(r -> r.bucket(b)).uploads().size();
                }
            }
            counts.put("soak objects", objects);
            counts.put("soak multipart uploads", uploads);
        } catch (RuntimeException e) {
            System.out.println("census failed: " + e);
        }
        return counts;
    }

    boolean bucketExists(String b) {
        return s3.listBuckets().buckets().stream().anyMatch(x -> x.name().equals(b));
    }

    /** After the load: each worker's EC2 leftovers, every object, upload and bucket of the run, the role. */
    void cleanup() {
        Worker cleaner = new Worker(this, clients, Long.MAX_VALUE);
        cleaner.thread = Thread.currentThread();
        for (Worker w : workers) {
            if (!w.thread.isAlive()) {
                w.drainCleanups();
            }
        }
        for (String b : buckets) {
            try {
                for (var u : s3.listMultipartUploads(r -> r.bucket(b)).uploads()) {
                    cleaner.call("s3:AbortMultipartUpload", b + "/" + u.key(), () ->
                            s3.abortMultipartUpload(r -> r.bucket(b).key(u.key()).uploadId(u.uploadId())));
                }
                List<ObjectIdentifier> keys = new ArrayList<>();
                for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(b)).contents()) {
                    keys.add(ObjectIdentifier.builder().key(o.key()).build());
                }
                for (int i = 0; i < keys.size(); i += 1000) {
                    List<ObjectIdentifier> some = keys.subList(i, Math.min(keys.size(), i + 1000));
                    cleaner.call("s3:DeleteObjects", b + " " + some.size() + " keys", () ->
                            s3.deleteObjects(r -> r.bucket(b).delete(d -> d.objects(some))));
                }
                cleaner.call("s3:DeleteBucket", b, () -> s3.deleteBucket(r -> r.bucket(b)));
            } catch (Failed | RuntimeException e) {
                System.out.println("cleanup of bucket " + b + " failed: " + e);
            }
        }
        try {
            iam.deleteRole(r -> r.roleName(roleName));
        } catch (RuntimeException e) {
            System.out.println("cleanup of role " + roleName + " failed: " + e);
        }
    }

    // ---------------------------------------------------------------- sampling

    record Sample(long t, long rssMb, int fds, int threads, long diskMb, long calls, long errors) {}

    void sampleLoop() {
        long next = sampleSeconds;
        while (!stopping) {
            long t = (System.nanoTime() - startNanos) / 1_000_000_000L;
            if (t >= next) {
                Sample s = sample(t);
                samples.add(s);
                print(s);
                if (t >= warmup() && !liveHeap.containsKey("warm-up")) {
                    probeHeap("warm-up");
                }
                next += sampleSeconds;
            }
            watchdog();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Flags every call past its deadline plus 30 s (the SDK's own timeout should have ended it by then). */
    void watchdog() {
        long now = System.nanoTime();
        for (Worker w : workers) {
            String op = w.op;
            long started = w.callStart;
            if (op != null && !w.flagged && now - started > w.callLimit.toNanos() + 30_000_000_000L) {
                w.flagged = true;
                String what = op + " " + w.detail + " running for " + (now - started) / 1_000_000_000L + " s";
                stats.example("hung (watchdog)", what + "\n" + stack(w.thread));
                dumpServerThreads(what);
            }
        }
    }

    Sample sample(long t) {
        long rss = -1;
        int threads = -1;
        int fds = -1;
        if (pid != null) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    } else if (line.startsWith("Threads:")) {
                        threads = Integer.parseInt(line.replaceAll("\\D", ""));
                    }
                }
                String[] entries = new File("/proc/" + pid + "/fd").list();
                fds = entries == null ? -1 : entries.length;
            } catch (IOException | RuntimeException e) {
                // the server is gone: -1
            }
        }
        return new Sample(t, rss, fds, threads, diskMb(), stats.calls(), stats.errors());
    }

    /** The server's open descriptors by what they point at: sockets, pipes, anon inodes, or the file's path. */
    Map<String, Integer> fdKinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        File[] fds = pid == null ? null : new File("/proc/" + pid + "/fd").listFiles();
        if (fds == null) {
            return kinds;
        }
        for (File fd : fds) {
            try {
                String target = Files.readSymbolicLink(fd.toPath()).toString();
                String kind = target.startsWith("socket:") ? "socket" : target.startsWith("pipe:") ? "pipe" : target;
                kinds.merge(kind.startsWith("anon_inode:") ? kind : kind.replaceAll("\\d+", "N"), 1, Integer::sum);
            } catch (IOException e) {
                // closed meanwhile
            }
        }
        return kinds;
    }

    long diskMb() {
        if (dataDir == null) {
            return -1;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return total[0] / MIB;
    }

    long lastCalls;
    long lastT;

    void print(Sample s) {
        long rate = s.t > lastT ? (s.calls - lastCalls) / (s.t - lastT) : 0;
        lastCalls = s.calls;
        lastT = s.t;
        int inflight = (int) workers.stream().filter(w -> w.op != null).count();
        System.out.printf(Locale.ROOT, "[%4d s] rss %5d MB  fds %5d  threads %4d  data %5d MB  calls %8d (%5d/s)"
                        + "  4xx %d  5xx %d  hung %d  client %d  data %d  in flight %d%n",
                s.t, s.rssMb, s.fds, s.threads, s.diskMb, s.calls, rate, stats.byKind("4xx") + stats.byKind("3xx"),
                stats.byKind("5xx"), stats.byKind("hung"), stats.byKind("client"), stats.byKind("data"), inflight);
    }

    /** The server's heap in use right after a full GC, in MB (-1 if jcmd or jstat fail). */
    void probeHeap(String when) {
        if (pid == null || !gcProbe) {
            return;
        }
        long mb = -1;
        try {
            exec("jcmd", pid, "GC.run");
            String[] lines = exec("jstat", "-gc", pid).trim().split("\n");
            List<String> names = Arrays.asList(lines[0].trim().split("\\s+"));
            String[] values = lines[lines.length - 1].trim().split("\\s+");
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                int i = names.indexOf(column);
                if (i >= 0 && !values[i].equals("-")) {
                    kb += Double.parseDouble(values[i]);
                }
            }
            mb = Math.round(kb / 1024);
        } catch (Exception e) {
            System.out.println("heap probe failed: " + e);
        }
        liveHeap.put(when, mb);
        System.out.printf(Locale.ROOT, "live heap after a full GC (%s): %d MB%n", when, mb);
    }

    static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** The server's threads (jcmd Thread.print) into the output directory, once: what a hung call waits on. */
    void dumpServerThreads(String why) {
        if (pid == null || out == null || threadsDumped) {
            return;
        }
        threadsDumped = true;
        try {
            Path file = out.resolve("server-threads-" + (System.nanoTime() - startNanos) / 1_000_000_000L + "s.txt");
            Files.writeString(file, why + "\n\n" + exec("jcmd", pid, "Thread.print"));
            System.out.println("server thread dump: " + file);
        } catch (Exception e) {
            System.out.println("server thread dump failed: " + e);
        }
    }

    // ---------------------------------------------------------------- summary

    int summary(Sample first, Sample end, Sample closed, long loadSeconds, long loadCalls, Map<String, Integer> before,
            Map<String, Integer> after) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== soak summary: %d clients, %d s of load (warm-up %d s), %s; %d CPUs, load %s%n",
                clients, loadSeconds, warmup(), endpoint, Runtime.getRuntime().availableProcessors(), loadavg());
        Sample warmed = samples.stream().filter(s -> s.t >= warmup()).findFirst().orElse(end);
        double afterWarmup = end.t > warmed.t ? (end.calls - warmed.calls) / (double) (end.t - warmed.t) : Double.NaN;
        System.out.printf(Locale.ROOT, "calls           %d during the load (%.1f/s; %.1f/s after the warm-up), %d with setup and"
                + " cleanup%n", loadCalls, loadCalls / (double) loadSeconds, afterWarmup, stats.calls());
        System.out.printf(Locale.ROOT, "errors          4xx %d (%d expected)  5xx %d  hung %d  client %d  data mismatch %d%n",
                stats.byKind("4xx") + stats.byKind("3xx"), stats.expected(), stats.byKind("5xx"), stats.byKind("hung"),
                stats.byKind("client"), stats.byKind("data"));

        System.out.println();
        System.out.println("errors by class:");
        if (stats.errorsByClass.isEmpty()) {
            System.out.println("  none");
        }
        new TreeMap<>(stats.errorsByClass).forEach((cls, byOp) -> {
            long n = byOp.values().stream().mapToLong(LongAdder::sum).sum();
            StringBuilder ops = new StringBuilder();
            new TreeMap<>(byOp).forEach((op, c) -> ops.append(ops.length() == 0 ? "" : ", ").append(op).append(' ').append(c.sum()));
            System.out.printf(Locale.ROOT, "  %-52s %7d  %s%s%n", cls, n, ops, Stats.isExpected(cls, byOp.keySet()) ? "  (expected)" : "");
        });

        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %8s %7s %9s %9s %9s %7s%n", "operation", "calls", "errors", "p50 ms", "p99 ms",
                "max ms", "max at");
        new TreeMap<>(stats.ops).forEach((op, h) -> System.out.printf(Locale.ROOT, "%-34s %8d %7d %9.1f %9.1f %9.1f %5d s%n", op,
                h.count.sum(), h.errors.sum(), h.percentile(0.50) / 1000.0, h.percentile(0.99) / 1000.0, h.max.get() / 1000.0,
                h.maxAtSeconds));
        System.out.printf(Locale.ROOT, "(latencies of every call, warm-up included, in 2%% buckets; max at: seconds into the load)%n");
        if (stats.slowCount.sum() > 0) {
            System.out.printf(Locale.ROOT, "%nslow calls (over %d s, not counted as errors): %d; the first %d:%n",
                    slowMicros / 1_000_000, stats.slowCount.sum(), stats.slow.size());
            stats.slow.forEach(line -> System.out.println("  " + line));
        }

        Sample warm = samples.stream().filter(s -> s.t >= warmup()).findFirst().orElse(end);
        List<Sample> afterWarm = samples.stream().filter(s -> s.t >= warmup()).toList();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %8s %10s %10s %10s %8s %14s%n", "server", "start", "warm-up", "min after",
                "max after", "end", "clients closed");
        series("RSS MB", first.rssMb, warm.rssMb, afterWarm, Sample::rssMb, end.rssMb, closed.rssMb);
        series("open fds", first.fds, warm.fds, afterWarm, s -> s.fds, end.fds, closed.fds);
        series("threads", first.threads, warm.threads, afterWarm, s -> s.threads, end.threads, closed.threads);
        series("data dir MB", first.diskMb, warm.diskMb, afterWarm, Sample::diskMb, end.diskMb, closed.diskMb);
        System.out.printf(Locale.ROOT, "RSS after warm-up: %+d MB (%+.0f%%) from %d s to %d s; open fds %+d%n",
                end.rssMb - warm.rssMb, warm.rssMb > 0 ? 100.0 * (end.rssMb - warm.rssMb) / warm.rssMb : 0.0, warm.t, end.t,
                end.fds - warm.fds);
        System.out.print("RSS series MB:");
        samples.forEach(s -> System.out.print(" " + s.t + "s=" + s.rssMb));
        System.out.println();
        System.out.print("fd series:");
        samples.forEach(s -> System.out.print(" " + s.t + "s=" + s.fds));
        System.out.println();
        Set<String> kinds = new java.util.TreeSet<>(fdsAtStartKept.keySet());
        kinds.addAll(fdsAtClose.keySet());
        List<String> changed = kinds.stream().filter(k -> !fdsAtStartKept.getOrDefault(k, 0).equals(fdsAtClose.getOrDefault(k, 0)))
                .map(k -> k + " " + fdsAtStartKept.getOrDefault(k, 0) + " -> " + fdsAtClose.getOrDefault(k, 0)).toList();
        System.out.println("open fds, start -> clients closed, the kinds that changed: " + (changed.isEmpty() ? "none"
                : String.join(", ", changed)));
        if (!liveHeap.isEmpty()) {
            System.out.print("live heap after a full GC (jcmd GC.run, then jstat -gc), MB:");
            liveHeap.forEach((when, mb) -> System.out.print(" " + when + " " + mb));
            System.out.println();
        }

        System.out.println();
        System.out.println("resources after setup -> after cleanup:");
        before.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-26s %6d -> %6s%n", k, v, after.getOrDefault(k, -1)));

        if (!stats.examples.isEmpty()) {
            System.out.println();
            System.out.println("examples (first 3 per class):");
            new TreeMap<>(stats.examples).forEach((cls, list) -> {
                System.out.println("  " + cls + ":");
                list.forEach(e -> System.out.println("    " + e.replace("\n", "\n      ")));
            });
        }
        long bad = stats.byKind("5xx") + stats.byKind("hung") + stats.byKind("data");
        System.out.println();
        System.out.println(bad == 0 ? "result: PASS (no 5xx, no hung call, no data mismatch)"
                : "result: FAIL (" + stats.byKind("5xx") + " 5xx, " + stats.byKind("hung") + " hung, "
                        + stats.byKind("data") + " data mismatches)");
        return bad == 0 ? 0 : 1;
    }

    void series(String name, long start, long warm, List<Sample> afterWarm, java.util.function.ToLongFunction<Sample> f,
            long end, long closed) {
        long min = afterWarm.stream().mapToLong(f).min().orElse(-1);
        long max = afterWarm.stream().mapToLong(f).max().orElse(-1);
        System.out.printf(Locale.ROOT, "%-22s %8d %10d %10d %10d %8d %14d%n", name, start, warm, min, max, end, closed);
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String stack(Thread t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(25, trace.length); i++) {
            b.append("at ").append(trace[i]).append('\n');
        }
        return b.toString().trim();
    }

    // ---------------------------------------------------------------- statistics

    /** Latencies of one operation in a log histogram (2 % buckets, microseconds), with its count and errors. */
    static final class Histogram {
        static final double GROWTH = Math.log(1.02);
        static final int BUCKETS = 1200;
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicLong max = new AtomicLong();
        volatile long maxAtSeconds;

        void add(long micros, boolean error, long atSeconds) {
            int b = micros <= 1 ? 0 : Math.min(BUCKETS - 1, (int) Math.ceil(Math.log(micros) / GROWTH));
            buckets.incrementAndGet(b);
            count.increment();
            if (error) {
                errors.increment();
            }
            if (max.accumulateAndGet(micros, Math::max) == micros) {
                maxAtSeconds = atSeconds;
            }
        }

        /** The upper bound of the bucket holding the nearest-rank percentile, at most the maximum. */
        double percentile(double p) {
            long n = count.sum();
            long rank = Math.max(1, (long) Math.ceil(p * n));
            long seen = 0;
            for (int b = 0; b < BUCKETS; b++) {
                seen += buckets.get(b);
                if (seen >= rank) {
                    return Math.min(max.get(), Math.exp(b * GROWTH));
                }
            }
            return max.get();
        }
    }

    static final class Stats {
        /** Classes answered on purpose by races between the workers (shared keys), not server faults. */
        static final Set<String> EXPECTED = Set.of("4xx 404 NoSuchKey|s3:GetObject(shared)");
        final Map<String, Histogram> ops = new ConcurrentHashMap<>();
        final Map<String, Map<String, LongAdder>> errorsByClass = new ConcurrentHashMap<>();
        final Map<String, List<String>> examples = new ConcurrentHashMap<>();
        final LongAdder calls = new LongAdder();

        final List<String> slow = new CopyOnWriteArrayList<>();
        final LongAdder slowCount = new LongAdder();
        volatile long startNanos = System.nanoTime();

        long now() {
            return (System.nanoTime() - startNanos) / 1_000_000_000L;
        }

        void record(String op, long micros, String cls, String example) {
            calls.increment();
            ops.computeIfAbsent(op, k -> new Histogram()).add(micros, cls != null, now());
            if (cls != null) {
                errorsByClass.computeIfAbsent(cls, k -> new ConcurrentHashMap<>()).computeIfAbsent(op, k -> new LongAdder())
                        .increment();
                if (!EXPECTED.contains(cls + "|" + op)) {
                    example(cls, example);
                }
            }
        }

        void example(String cls, String example) {
            List<String> list = examples.computeIfAbsent(cls, k -> new CopyOnWriteArrayList<>());
            if (list.size() < 3) {
                list.add(example);
            }
        }

        static boolean isExpected(String cls, Set<String> opsOfClass) {
            return opsOfClass.stream().allMatch(op -> EXPECTED.contains(cls + "|" + op));
        }

        long calls() {
            return calls.sum();
        }

        long errors() {
            return errorsByClass.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
        }

        long byKind(String kind) {
            return errorsByClass.entrySet().stream().filter(e -> e.getKey().startsWith(kind + " ") || e.getKey().equals(kind))
                    .flatMap(e -> e.getValue().values().stream()).mapToLong(LongAdder::sum).sum();
        }

        long expected() {
            return errorsByClass.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                            .filter(o -> EXPECTED.contains(e.getKey() + "|" + o.getKey())))
                    .mapToLong(o -> o.getValue().sum()).sum();
        }
    }

    /** A call that failed (already counted); the scenario it belongs to stops. */
    static final class Failed extends Exception {
        Failed(String cls) {
            super(cls, null, false, false);
        }
    }

    /** Bytes read back differ from the bytes written. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    static String classify(Throwable t) {
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return "hung " + t.getClass().getSimpleName();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return "hung read timeout (" + c.getClass().getSimpleName() + ")";
            }
            if (c instanceof Mismatch) {
                return "data mismatch";
            }
        }
        if (t instanceof SdkServiceException e) {
            String code = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                    && a.awsErrorDetails().errorCode() != null ? a.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
            return e.statusCode() / 100 + "xx " + e.statusCode() + " " + code;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("[0-9a-f]{8,}|\\d+", "N");
        return "client " + root.getClass().getSimpleName() + ": " + (message.length() > 80 ? message.substring(0, 80) : message);
    }

    // ---------------------------------------------------------------- generated content

    static final byte[] BLOCK = new byte[1 << 20];

    static {
        new Random(3).nextBytes(BLOCK);
    }

    /**
     * Where byte {@code p} of the object of {@code seed} is in the random block: a rotation by the seed, shifted
     * again every 64 KiB so that misplaced segments show. Within a segment the bytes are a run of the block, so
     * making and checking them is array copies and comparisons: the client stays cheap beside the server.
     */
    static int index(long seed, long p) {
        return (int) ((p + seed * 7919 + (p >>> 16) * 4099) & (BLOCK.length - 1));
    }

    /** Bytes {@code p .. p + n} of the object of {@code seed} into {@code dst} from {@code off}. */
    static void fill(long seed, long p, byte[] dst, int off, int n) {
        while (n > 0) {
            int start = index(seed, p);
            int run = (int) Math.min(n, Math.min(0x10000 - (p & 0xffff), BLOCK.length - start));
            System.arraycopy(BLOCK, start, dst, off, run);
            p += run;
            off += run;
            n -= run;
        }
    }

    /** The first of {@code src[off .. off + n]} that differs from bytes {@code p ..} of the object, or -1. */
    static int mismatch(long seed, long p, byte[] src, int off, int n) {
        int done = 0;
        while (done < n) {
            long q = p + done;
            int start = index(seed, q);
            int run = (int) Math.min(n - done, Math.min(0x10000 - (q & 0xffff), BLOCK.length - start));
            int m = Arrays.mismatch(src, off + done, off + done + run, BLOCK, start, start + run);
            if (m >= 0) {
                return done + m;
            }
            done += run;
        }
        return -1;
    }

    static byte[] content(long seed, int size) {
        byte[] b = new byte[size];
        fill(seed, 0, b, 0, size);
        return b;
    }

    /** The bytes {@code from} to {@code from + length} of the object of {@code seed}, made as they are read. */
    static final class Generated extends InputStream {
        final long seed;
        long position;
        final long end;

        Generated(long seed, long from, long length) {
            this.seed = seed;
            this.position = from;
            this.end = from + length;
        }

        @Override
        public int read() {
            if (position >= end) {
                return -1;
            }
            return BLOCK[index(seed, position++)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            fill(seed, position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Reads {@code in} to its end and compares it with the object of {@code seed} from offset {@code from}. */
    static long verify(InputStream in, long seed, long from, long expectedLength, String what) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long p = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            int m = mismatch(seed, from + p, buf, 0, n);
            if (m >= 0) {
                throw new Mismatch(what + ": byte " + (p + m) + " differs");
            }
            p += n;
        }
        if (p != expectedLength) {
            throw new Mismatch(what + ": " + p + " bytes read, " + expectedLength + " written");
        }
        return p;
    }

    /** {@code actual} must be bytes {@code from .. from + size} of the object of {@code seed}. */
    static void same(byte[] actual, long seed, long from, int size, String what) {
        if (actual.length != size) {
            throw new Mismatch(what + ": " + actual.length + " bytes read, " + size + " expected");
        }
        int m = mismatch(seed, from, actual, 0, size);
        if (m >= 0) {
            throw new Mismatch(what + ": byte " + m + " differs");
        }
    }

    // ---------------------------------------------------------------- workers

    record Obj(long seed, int size) {}

    /** What an EC2 lifecycle left to delete once its instances have terminated; each step clears its field. */
    static final class Ec2Leftover {
        String vpcId;
        String subnetId;
        String groupId;
        final List<String> instanceIds;
        long due;
        int tries;

        Ec2Leftover(String vpcId, String subnetId, String groupId, List<String> instanceIds) {
            this.vpcId = vpcId;
            this.subnetId = subnetId;
            this.groupId = groupId;
            this.instanceIds = instanceIds;
            this.due = System.nanoTime() + 2_000_000_000L;
        }
    }

    interface Action {
        void run() throws Failed;
    }

    record Weighted(int weight, String name, Action action) {}

    static final class Worker {
        final Soak soak;
        final int id;
        final long endNanos;
        final Random random;
        final String bucket;
        final String prefix;
        final Map<Integer, Obj> own = new HashMap<>();
        /** Keys whose last write or delete failed: the server may or may not have applied it. */
        final Set<Integer> uncertain = new java.util.HashSet<>();
        final Deque<Ec2Leftover> leftovers = new ArrayDeque<>();
        final List<Weighted> actions = new ArrayList<>();
        int totalWeight;
        Thread thread;
        long seq;
        volatile String op;
        volatile String detail;
        volatile long callStart;
        volatile Duration callLimit = Duration.ZERO;
        volatile boolean flagged;

        Worker(Soak soak, int id, long endNanos) {
            this.soak = soak;
            this.id = id;
            this.endNanos = endNanos;
            this.random = new Random(id * 1_000_003L + System.nanoTime());
            this.bucket = soak.buckets.isEmpty() ? null : soak.buckets.get(id % soak.buckets.size());
            this.prefix = "w" + id + "/";
            this.thread = new Thread(this::loop, "soak-" + id);
            // S3, small objects and listings
            add(14, "put", this::put);
            add(14, "get", this::get);
            add(6, "head", this::head);
            add(3, "range", this::range);
            add(4, "list", this::list);
            add(5, "delete", this::delete);
            add(3, "copy", this::copy);
            add(1, "deleteObjects", this::deleteObjects);
            add(1, "listBuckets", () -> call("s3:ListBuckets", "", () -> soak.s3.listBuckets()));
            add(3, "sharedPut", this::sharedPut);
            add(4, "sharedGet", this::sharedGet);
            add(1, "sharedDelete", this::sharedDelete);
            add(1, "bucketChurn", this::bucketChurn);
            add(2, "multipart", this::multipart);
            add(1, "big", this::big);
            // EC2 and VPC
            add(3, "ec2Lifecycle", this::ec2Lifecycle);
            add(3, "describeVpcs", () -> call("ec2:DescribeVpcs", "", () -> soak.ec2.describeVpcs()));
            add(3, "describeInstances", () -> call("ec2:DescribeInstances", "tag:soak, running", () ->
                    soak.ec2.describeInstances(r -> r.filters(filter("tag:soak", soak.run),
                            filter("instance-state-name", "running", "pending")))));
            add(2, "describeSubnets", () -> call("ec2:DescribeSubnets", "", () -> soak.ec2.describeSubnets()));
            add(2, "describeSecurityGroups", () -> call("ec2:DescribeSecurityGroups", "", () ->
                    soak.ec2.describeSecurityGroups()));
            add(1, "describeAvailabilityZones", () -> call("ec2:DescribeAvailabilityZones", "", () ->
                    soak.ec2.describeAvailabilityZones()));
            // IAM and STS
            add(3, "iamUser", this::iamUser);
            add(2, "listUsers", () -> call("iam:ListUsers", "", () -> soak.iam.listUsers(r -> r.maxItems(100))));
            add(1, "getRole", () -> call("iam:GetRole", soak.roleName, () -> soak.iam.getRole(r -> r.roleName(soak.roleName))));
            add(4, "callerIdentity", () -> call("sts:GetCallerIdentity", "root", () -> soak.sts.getCallerIdentity()));
            add(3, "assumeRole", this::assumeRole);
        }

        void add(int weight, String name, Action action) {
            actions.add(new Weighted(weight, name, action));
            totalWeight += weight;
        }

        void loop() {
            while (System.nanoTime() < endNanos) {
                runDueCleanups(false);
                int r = random.nextInt(totalWeight);
                Weighted chosen = null;
                for (Weighted w : actions) {
                    r -= w.weight;
                    if (r < 0) {
                        chosen = w;
                        break;
                    }
                }
                try {
                    chosen.action.run();
                } catch (Failed e) {
                    // counted where it happened
                } catch (RuntimeException e) {
                    soak.stats.record("soak:" + chosen.name, 0, "client soak bug " + e.getClass().getSimpleName(),
                            "worker " + id + ": " + e + "\n" + stackOf(e));
                }
            }
            drainCleanups();
            // own keys: what is left is deleted by the final cleanup
        }

        /** Times one SDK call and counts its outcome; a failure ends the scenario with {@link Failed}. */
        <T> T call(String operation, String input, Supplier<T> body) throws Failed {
            return call(operation, input, soak.callTimeout, body);
        }

        <T> T call(String operation, String input, Duration limit, Supplier<T> body) throws Failed {
            detail = input;
            callLimit = limit;
            flagged = false;
            callStart = System.nanoTime();
            op = operation;
            String cls = null;
            String example = null;
            T result = null;
            try {
                result = body.get();
            } catch (RuntimeException e) {
                cls = classify(e);
                String requestId = e instanceof AwsServiceException a ? " (request id " + a.requestId() + ")" : "";
                example = operation + " " + input + ": " + e + requestId
                        + (cls.startsWith("4xx") || cls.startsWith("3xx") ? "" : "\n" + stackOf(e));
            }
            long micros = (System.nanoTime() - callStart) / 1000;
            if (cls != null && cls.startsWith("hung")) {
                soak.dumpServerThreads(operation + " " + input + ": " + cls);
            }
            if (cls == null && flagged) {
                cls = "hung (watchdog) finished late";
                example = operation + " " + input + " took " + micros / 1000 + " ms";
            }
            op = null;
            soak.stats.record(operation, micros, cls, example);
            if (micros > soak.slowMicros && cls == null) {
                soak.stats.slowCount.increment();
                if (soak.stats.slow.size() < 20) {
                    soak.stats.slow.add(String.format(Locale.ROOT, "started %4d s  %-28s %8.1f s  %s", soak.stats.now() - micros / 1_000_000,
                            operation, micros / 1e6, input));
                }
            }
            if (cls != null) {
                throw new Failed(cls);
            }
            return result;
        }

        static String stackOf(Throwable e) {
            StringBuilder b = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c != e) {
                    b.append("caused by ").append(c).append('\n');
                }
                StackTraceElement[] trace = c.getStackTrace();
                for (int i = 0; i < Math.min(6, trace.length); i++) {
                    b.append("  at ").append(trace[i]).append('\n');
                }
            }
            return b.toString().trim();
        }

        static Filter filter(String name, String... values) {
            return Filter.builder().name(name).values(values).build();
        }

        long newSeed() {
            return random.nextLong() & 0x7fff_ffff_ffffL;
        }

        int smallSize() {
            int dice = random.nextInt(100);
            if (dice < 5) {
                return 0;
            }
            if (dice < 70) {
                return random.nextInt(4096);
            }
            if (dice < 95) {
                return random.nextInt(64 * 1024);
            }
            return random.nextInt(MIB);
        }

        String key(int n) {
            return prefix + "o" + n;
        }

        /** One of this worker's existing keys, or -1 (after which the caller writes one instead). */
        int existing() {
            if (own.isEmpty()) {
                return -1;
            }
            Integer[] keys = own.keySet().toArray(new Integer[0]);
            return keys[random.nextInt(keys.length)];
        }

        // ---- S3 small objects (this worker's keys: it alone writes them, so every read is checked exactly)

        void put() throws Failed {
            int n = random.nextInt(OWN_KEYS);
            long seed = newSeed();
            int size = smallSize();
            byte[] body = content(seed, size);
            own.remove(n);
            uncertain.add(n); // until the answer
            call("s3:PutObject", bucket + "/" + key(n) + " " + size + " B", () ->
                    soak.s3.putObject(r -> r.bucket(bucket).key(key(n)).contentType("application/octet-stream"),
                            RequestBody.fromBytes(body)));
            own.put(n, new Obj(seed, size));
            uncertain.remove(n);
        }

        void get() throws Failed {
            int n = existing();
            if (n < 0) {
                put();
                return;
            }
            Obj o = own.get(n);
            byte[] got = call("s3:GetObject", bucket + "/" + key(n) + " " + o.size + " B", () -> {
                byte[] b = soak.s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(n))).asByteArray();
                same(b, o.seed, 0, o.size, "GetObject " + bucket + "/" + key(n));
                return b;
            });
        }

        void head() throws Failed {
            int n = existing();
            if (n < 0) {
                put();
                return;
            }
            Obj o = own.get(n);
            call("s3:HeadObject", bucket + "/" + key(n), () -> {
                long length = soak.s3.headObject(r -> r.bucket(bucket).key(key(n))).contentLength();
                if (length != o.size) {
                    throw new Mismatch("HeadObject " + bucket + "/" + key(n) + ": Content-Length " + length + ", " + o.size
                            + " written");
                }
                return length;
            });
        }

        void range() throws Failed {
            int n = existing();
            if (n < 0 || own.get(n).size < 2) {
                put();
                return;
            }
            Obj o = own.get(n);
            int from = random.nextInt(o.size - 1);
            int to = from + random.nextInt(o.size - from);
            call("s3:GetObject(range)", bucket + "/" + key(n) + " bytes=" + from + "-" + to, () -> {
                byte[] b = soak.s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(n)).range("bytes=" + from + "-" + to))
                        .asByteArray();
                same(b, o.seed, from, to - from + 1, "GetObject " + bucket + "/" + key(n) + " bytes=" + from + "-" + to);
                return b;
            });
        }

        void list() throws Failed {
            if (random.nextInt(4) == 0) { // the whole bucket, first page
                call("s3:ListObjectsV2", bucket + " all, max 1000", () -> soak.s3.listObjectsV2(r -> r.bucket(bucket)));
                return;
            }
            call("s3:ListObjectsV2", bucket + "/" + prefix, () -> {
                Set<String> unsure = new java.util.HashSet<>();
                uncertain.forEach(n -> unsure.add(key(n)));
                unsure.add(prefix + "mp");
                unsure.add(prefix + "big");
                List<String> keys = soak.s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                        .map(S3Object::key).filter(k -> !unsure.contains(k)).sorted().toList();
                List<String> expected = own.keySet().stream().map(this::key).filter(k -> !unsure.contains(k)).sorted().toList();
                if (!keys.equals(expected)) {
                    throw new Mismatch("ListObjectsV2 " + bucket + "/" + prefix + ": listed " + keys + ", expected " + expected);
                }
                return keys;
            });
        }

        void delete() throws Failed {
            int n = existing();
            if (n < 0) {
                put();
                return;
            }
            own.remove(n);
            uncertain.add(n);
            call("s3:DeleteObject", bucket + "/" + key(n), () -> soak.s3.deleteObject(r -> r.bucket(bucket).key(key(n))));
            uncertain.remove(n);
        }

        void copy() throws Failed {
            int n = existing();
            if (n < 0) {
                put();
                return;
            }
            int to = random.nextInt(OWN_KEYS);
            if (to == n) {
                return;
            }
            Obj o = own.get(n);
            own.remove(to);
            uncertain.add(to);
            call("s3:CopyObject", bucket + "/" + key(n) + " -> " + key(to), () -> soak.s3.copyObject(r -> r
                    .sourceBucket(bucket).sourceKey(key(n)).destinationBucket(bucket).destinationKey(key(to))));
            own.put(to, o);
            uncertain.remove(to);
        }

        void deleteObjects() throws Failed {
            List<Integer> some = own.keySet().stream().limit(1 + random.nextInt(10)).toList();
            if (some.isEmpty()) {
                put();
                return;
            }
            some.forEach(own::remove);
            uncertain.addAll(some);
            List<ObjectIdentifier> ids = some.stream().map(n -> ObjectIdentifier.builder().key(key(n)).build()).toList();
            call("s3:DeleteObjects", bucket + " " + ids.size() + " keys", () -> {
                var answer = soak.s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(ids)));
                if (!answer.errors().isEmpty() || answer.deleted().size() != ids.size()) {
                    throw new Mismatch("DeleteObjects of " + ids.size() + " keys: " + answer.deleted().size() + " deleted, errors "
                            + answer.errors());
                }
                return answer;
            });
            uncertain.removeAll(some);
        }

        // ---- S3 shared keys: every worker writes, reads and deletes them (NoSuchKey is then expected)

        static final String SHARED = "shared/s";

        void sharedPut() throws Failed {
            String k = SHARED + random.nextInt(SHARED_KEYS);
            long seed = newSeed();
            int size = 8 + (int) (seed % 20_000);
            byte[] body = content(seed, size);
            for (int i = 0; i < 8; i++) {
                body[i] = (byte) (seed >>> (56 - 8 * i));
            }
            String b = soak.buckets.get(0);
            call("s3:PutObject(shared)", b + "/" + k + " " + size + " B", () ->
                    soak.s3.putObject(r -> r.bucket(b).key(k), RequestBody.fromBytes(body)));
        }

        void sharedGet() throws Failed {
            String k = SHARED + random.nextInt(SHARED_KEYS);
            String b = soak.buckets.get(0);
            call("s3:GetObject(shared)", b + "/" + k, () -> {
                byte[] got = soak.s3.getObjectAsBytes(r -> r.bucket(b).key(k)).asByteArray();
                if (got.length < 8) {
                    throw new Mismatch("GetObject " + b + "/" + k + ": " + got.length + " bytes, at least 8 written");
                }
                long seed = 0;
                for (int i = 0; i < 8; i++) {
                    seed = seed << 8 | (got[i] & 0xff);
                }
                int size = 8 + (int) (seed % 20_000);
                if (got.length != size) {
                    throw new Mismatch("GetObject " + b + "/" + k + ": " + got.length + " bytes, " + size + " written");
                }
                int m = mismatch(seed, 8, got, 8, size - 8);
                if (m >= 0) {
                    throw new Mismatch("GetObject " + b + "/" + k + ": byte " + (8 + m) + " differs (torn write?)");
                }
                return got;
            });
        }

        void sharedDelete() throws Failed {
            String k = SHARED + random.nextInt(SHARED_KEYS);
            String b = soak.buckets.get(0);
            call("s3:DeleteObject(shared)", b + "/" + k, () -> soak.s3.deleteObject(r -> r.bucket(b).key(k)));
        }

        void bucketChurn() throws Failed {
            String b = "soak-" + soak.run + "-w" + id + "-" + (seq++);
            call("s3:CreateBucket", b, () -> soak.s3.createBucket(r -> r.bucket(b)));
            try {
                byte[] body = content(7, 100);
                call("s3:PutObject", b + "/k 100 B", () -> soak.s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromBytes(body)));
                call("s3:ListObjectsV2", b, () -> soak.s3.listObjectsV2(r -> r.bucket(b)));
                call("s3:DeleteObject", b + "/k", () -> soak.s3.deleteObject(r -> r.bucket(b).key("k")));
            } finally {
                call("s3:DeleteBucket", b, () -> soak.s3.deleteBucket(r -> r.bucket(b)));
            }
        }

        // ---- S3 multipart: three 5 MiB parts, then complete (checked) or abort

        void multipart() throws Failed {
            if (!soak.multipartSlots.tryAcquire()) {
                put();
                return;
            }
            try {
                String k = prefix + "mp";
                long seed = newSeed();
                boolean withChecksum = random.nextBoolean();
                String uploadId = call("s3:CreateMultipartUpload", bucket + "/" + k, () -> soak.s3.createMultipartUpload(r -> {
                    r.bucket(bucket).key(k);
                    if (withChecksum) {
                        r.checksumAlgorithm(ChecksumAlgorithm.CRC32);
                    }
                }).uploadId());
                boolean done = false;
                try {
                    List<CompletedPart> parts = new ArrayList<>();
                    for (int p = 1; p <= PARTS; p++) {
                        int number = p;
                        long from = (long) (p - 1) * PART;
                        UploadPartResponse part = call("s3:UploadPart", bucket + "/" + k + " part " + p + " 5 MiB", () ->
                                soak.s3.uploadPart(r -> r.bucket(bucket).key(k).uploadId(uploadId).partNumber(number),
                                        RequestBody.fromContentProvider(() -> new Generated(seed, from, PART), PART,
                                                "application/octet-stream")));
                        parts.add(CompletedPart.builder().partNumber(p).eTag(part.eTag())
                                .checksumCRC32(withChecksum ? part.checksumCRC32() : null).build());
                    }
                    call("s3:ListParts", bucket + "/" + k, () -> {
                        int listed = soak.s3.listParts(r -> r.bucket(bucket).key(k).uploadId(uploadId)).parts().size();
                        if (listed != PARTS) {
                            throw new Mismatch("ListParts " + k + ": " + listed + " parts, " + PARTS + " uploaded");
                        }
                        return listed;
                    });
                    if (random.nextInt(4) == 0) {
                        done = true;
                        call("s3:AbortMultipartUpload", bucket + "/" + k, () ->
                                soak.s3.abortMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(uploadId)));
                        return;
                    }
                    call("s3:CompleteMultipartUpload", bucket + "/" + k + (withChecksum ? " CRC32" : ""), () ->
                            soak.s3.completeMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(uploadId)
                                    .multipartUpload(m -> m.parts(parts))));
                    done = true;
                } finally {
                    if (!done) {
                        try {
                            call("s3:AbortMultipartUpload", bucket + "/" + k, () ->
                                    soak.s3.abortMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(uploadId)));
                        } catch (Failed ignored) {
                            // counted
                        }
                    }
                }
                try {
                    call("s3:HeadObject", bucket + "/" + k + " multipart", () -> {
                        long length = soak.s3.headObject(r -> r.bucket(bucket).key(k)).contentLength();
                        if (length != (long) PARTS * PART) {
                            throw new Mismatch("HeadObject " + k + ": " + length + " bytes, " + PARTS * PART + " uploaded");
                        }
                        return length;
                    });
                    long from = PART - 100;
                    call("s3:GetObject(range)", bucket + "/" + k + " across parts 1-2", () -> soak.s3.getObject(r -> r
                            .bucket(bucket).key(k).range("bytes=" + from + "-" + (from + 199)), (response, in) ->
                            verify(in, seed, from, 200, "GetObject " + k + " bytes " + from + "-" + (from + 199))));
                } finally {
                    call("s3:DeleteObject", bucket + "/" + k, () -> soak.s3.deleteObject(r -> r.bucket(bucket).key(k)));
                }
            } finally {
                soak.multipartSlots.release();
            }
        }

        // ---- S3 big object: streamed up, streamed down and compared, deleted

        void big() throws Failed {
            long now = System.nanoTime();
            long next = soak.nextBigStart.get();
            if (now < next || !soak.nextBigStart.compareAndSet(next, now + soak.bigEveryNanos)) {
                get();
                return;
            }
            if (!soak.bigSlots.tryAcquire()) {
                get();
                return;
            }
            try {
                String k = prefix + "big";
                long seed = newSeed();
                long size = soak.bigBytes;
                String what = bucket + "/" + k + " " + size / MIB + " MiB";
                String label = "(" + size / MIB + " MiB)";
                try {
                    call("s3:PutObject" + label, what, soak.bigTimeout, () -> soak.s3.putObject(r -> r.bucket(bucket).key(k)
                                    .overrideConfiguration(o -> o.apiCallTimeout(soak.bigTimeout)),
                            RequestBody.fromContentProvider(() -> new Generated(seed, 0, size), size, "application/octet-stream")));
                    call("s3:GetObject" + label, what, soak.bigTimeout, () -> soak.s3.getObject(r -> r.bucket(bucket).key(k)
                                    .overrideConfiguration(o -> o.apiCallTimeout(soak.bigTimeout)),
                            (GetObjectResponse response, software.amazon.awssdk.http.AbortableInputStream in) ->
                                    verify(in, seed, 0, size, "GetObject " + what)));
                } finally {
                    call("s3:DeleteObject", bucket + "/" + k, () -> soak.s3.deleteObject(r -> r.bucket(bucket).key(k)));
                }
            } finally {
                soak.bigSlots.release();
            }
        }

        // ---- EC2/VPC: a VPC with a subnet, a security group and an instance; deleted once it has terminated

        void ec2Lifecycle() throws Failed {
            int second = random.nextInt(256);
            String cidr = "10." + second + ".0.0/16";
            String vpcId = call("ec2:CreateVpc", cidr, () -> soak.ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId());
            String subnetId = null;
            String groupId = null;
            List<String> instances = new ArrayList<>();
            try {
                subnetId = call("ec2:CreateSubnet", vpcId + " 10." + second + ".1.0/24", () -> soak.ec2.createSubnet(r -> r
                        .vpcId(vpcId).cidrBlock("10." + second + ".1.0/24")).subnet().subnetId());
                String name = "soak-" + id + "-" + (seq++);
                groupId = call("ec2:CreateSecurityGroup", vpcId + " " + name, () -> soak.ec2.createSecurityGroup(r -> r
                        .vpcId(vpcId).groupName(name).description("soak")).groupId());
                String group = groupId;
                call("ec2:AuthorizeSecurityGroupIngress", group + " tcp 22 0.0.0.0/0", () ->
                        soak.ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                                .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0")
                                        .build()).build())));
                String subnet = subnetId;
                int count = 1 + random.nextInt(2);
                List<Instance> launched = call("ec2:RunInstances", subnet + " t2.micro x" + count, () -> soak.ec2.runInstances(r -> r
                        .imageId(soak.imageId).instanceType(InstanceType.T2_MICRO).minCount(count).maxCount(count)
                        .subnetId(subnet).securityGroupIds(group).tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.INSTANCE).tags(Tag.builder().key("soak").value(soak.run).build())
                                .build())).instances());
                launched.forEach(i -> instances.add(i.instanceId()));
                call("ec2:DescribeInstances", "ids " + instances, () -> {
                    int seen = soak.ec2.describeInstances(r -> r.instanceIds(instances)).reservations().stream()
                            .mapToInt(r -> r.instances().size()).sum();
                    if (seen != instances.size()) {
                        throw new Mismatch("DescribeInstances " + instances + ": " + seen + " instances");
                    }
                    return seen;
                });
                call("ec2:DescribeVpcs", vpcId, () -> soak.ec2.describeVpcs(r -> r.vpcIds(vpcId)));
                call("ec2:TerminateInstances", instances.toString(), () -> soak.ec2.terminateInstances(r -> r.instanceIds(instances)));
            } finally {
                leftovers.add(new Ec2Leftover(vpcId, subnetId, groupId, instances));
            }
        }

        void runDueCleanups(boolean waitForAll) {
            while (!leftovers.isEmpty()) {
                Ec2Leftover l = leftovers.peekFirst();
                long wait = l.due - System.nanoTime();
                if (wait > 0) {
                    if (!waitForAll) {
                        return;
                    }
                    try {
                        Thread.sleep(wait / 1_000_000 + 1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                leftovers.pollFirst();
                try {
                    cleanUp(l);
                } catch (Failed e) {
                    if (++l.tries < 30) {
                        l.due = System.nanoTime() + 2_000_000_000L;
                        leftovers.addLast(l);
                    } else {
                        soak.stats.example("leftover", "worker " + id + " gave up deleting " + l.vpcId + " " + l.subnetId + " "
                                + l.groupId + " (instances " + l.instanceIds + ")");
                    }
                }
            }
        }

        void drainCleanups() {
            runDueCleanups(true);
        }

        void cleanUp(Ec2Leftover l) throws Failed {
            if (l.subnetId != null) { // by subnet, not by id: a RunInstances that failed may have launched some
                String subnet = l.subnetId;
                List<Instance> alive = call("ec2:DescribeInstances", "subnet-id " + subnet + " terminated?", () ->
                        soak.ec2.describeInstances(r -> r.filters(filter("subnet-id", subnet))).reservations().stream()
                                .flatMap(r -> r.instances().stream()).filter(i -> !i.state().nameAsString().equals("terminated"))
                                .toList());
                List<String> toTerminate = alive.stream().filter(i -> !i.state().nameAsString().equals("shutting-down"))
                        .map(Instance::instanceId).toList();
                if (!toTerminate.isEmpty()) {
                    call("ec2:TerminateInstances", toTerminate.toString(), () ->
                            soak.ec2.terminateInstances(r -> r.instanceIds(toTerminate)));
                }
                if (!alive.isEmpty()) {
                    throw new Failed("not yet terminated");
                }
            }
            if (l.groupId != null) {
                String group = l.groupId;
                call("ec2:DeleteSecurityGroup", group, () -> soak.ec2.deleteSecurityGroup(r -> r.groupId(group)));
                l.groupId = null;
            }
            if (l.subnetId != null) {
                String subnet = l.subnetId;
                call("ec2:DeleteSubnet", subnet, () -> soak.ec2.deleteSubnet(r -> r.subnetId(subnet)));
                l.subnetId = null;
            }
            String vpc = l.vpcId;
            call("ec2:DeleteVpc", vpc, () -> soak.ec2.deleteVpc(r -> r.vpcId(vpc)));
        }

        // ---- IAM: a user with an inline policy and an access key that signs at once; all deleted

        void iamUser() throws Failed {
            String user = "soak-" + soak.run + "-w" + id + "-" + (seq++);
            call("iam:CreateUser", user, () -> soak.iam.createUser(r -> r.userName(user)));
            boolean policy = false;
            AccessKey key = null;
            try {
                String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::soak-" + soak.run + "-0/*\"}]}";
                call("iam:PutUserPolicy", user + " soak", () -> soak.iam.putUserPolicy(r -> r.userName(user).policyName("soak")
                        .policyDocument(document)));
                policy = true;
                key = call("iam:CreateAccessKey", user, () -> soak.iam.createAccessKey(r -> r.userName(user)).accessKey());
                AccessKey k = key;
                call("iam:GetUser", user, () -> soak.iam.getUser(r -> r.userName(user)));
                call("sts:GetCallerIdentity", "as user " + user, () -> {
                    String arn = soak.sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))))
                            .arn();
                    if (!arn.equals("arn:aws:iam::" + ACCOUNT + ":user/" + user)) {
                        throw new Mismatch("GetCallerIdentity with the key of " + user + ": " + arn);
                    }
                    return arn;
                });
                call("iam:ListAccessKeys", user, () -> soak.iam.listAccessKeys(r -> r.userName(user)));
            } finally {
                AccessKey k = key;
                if (k != null) {
                    call("iam:DeleteAccessKey", user + " " + k.accessKeyId(), () -> soak.iam.deleteAccessKey(r -> r.userName(user)
                            .accessKeyId(k.accessKeyId())));
                }
                if (policy) {
                    call("iam:DeleteUserPolicy", user + " soak", () -> soak.iam.deleteUserPolicy(r -> r.userName(user)
                            .policyName("soak")));
                }
                call("iam:DeleteUser", user, () -> soak.iam.deleteUser(r -> r.userName(user)));
            }
        }

        // ---- STS: AssumeRole on the run's role, then calls signed with the session's credentials

        void assumeRole() throws Failed {
            String session = "w" + id + "-" + (seq++);
            Credentials c = call("sts:AssumeRole", soak.roleName + " " + session, () -> soak.sts.assumeRole(r -> r
                    .roleArn(soak.roleArn).roleSessionName(session).durationSeconds(900)).credentials());
            AwsCredentialsProvider temporary = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken()));
            call("sts:GetCallerIdentity", "as role session " + session, () -> {
                String arn = soak.sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.credentialsProvider(temporary))).arn();
                String expected = "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + soak.roleName + "/" + session;
                if (!arn.equals(expected)) {
                    throw new Mismatch("GetCallerIdentity as " + session + ": " + arn + ", expected " + expected);
                }
                return arn;
            });
            call("s3:ListBuckets", "as role session " + session, () ->
                    soak.s3.listBuckets(r -> r.overrideConfiguration(o -> o.credentialsProvider(temporary))));
        }
    }
}
