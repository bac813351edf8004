import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 throughput figures against any S3 endpoint (Cloudjar, moto_server, ...), with plain HTTP signed with
 * SigV4 ({@code test}/{@code test}, unsigned payload) so the client costs the same for every server: small-object PUT and GET ops/s at N concurrent clients,
 * then one large object PUT and GET in MB/s. Run by s3-bench.sh; alone:
 * {@code java -cp "$(cat emulator-app/target/benchmark-clients.classpath)" benchmark/S3Bench.java http://127.0.0.1:4566 [clients] [seconds] [largeMiB]}
 * (the classpath of benchmark/pom.xml, which s3-bench.sh writes there).
 * Prints one {@code name value} line per figure. With {@code -Dserver.pid=N} (a server on this machine) it also
 * prints the server's CPU time per counted request (from /proc: far less sensitive to other work on the machine than ops/s);
 * {@code -Dlarge.get=false} skips the large GET (a server that keeps nothing), {@code -Dsmall.get=false} the small GETs
 * (a profile of PUTs alone). {@code -Dclient=sdk} makes the small
 * requests with the AWS SDK's S3Client over its Apache 5 HTTP client instead, as a user's test suite would (its
 * classpath: benchmark/pom.xml); the large transfers stay on plain sockets.
 */
public final class S3Bench {
    private static final int SMALL = 4 * 1024;

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // the pools' threads would keep a failed run alive
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        String endpoint = args[0];
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long largeMiB = args.length > 3 ? Long.parseLong(args[3]) : 1024;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(clients)).connectTimeout(Duration.ofSeconds(10)).build();
        String bucket = "bench-" + Long.toHexString(System.nanoTime());
        send(http, HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody()));

        byte[] small = new byte[SMALL];
        new Random(1).nextBytes(small);
        URI base = URI.create(endpoint);
        AtomicLong written = new AtomicLong();
        SdkCalls sdk = "sdk".equals(System.getProperty("client", "raw")) ? new SdkCalls(base, clients, bucket) : null;
        double putOps = run(clients, seconds, connection -> {
            long n = written.getAndIncrement();
            if (sdk != null) {
                sdk.put("small/" + n, small);
            } else {
                connection.call("PUT", "/" + bucket + "/small/" + n, small);
            }
        }, base);
        Phase put = LAST;
        long keys = written.get();
        boolean smallGet = Boolean.parseBoolean(System.getProperty("small.get", "true"));
        double getOps = !smallGet ? 0 : run(clients, seconds, connection -> {
            long n = java.util.concurrent.ThreadLocalRandom.current().nextLong(keys);
            int length = sdk != null ? sdk.get("small/" + n) : connection.call("GET", "/" + bucket + "/small/" + n, null);
            if (length != SMALL) {
                throw new IllegalStateException("GET small/" + n + " returned " + length + " bytes");
            }
        }, base);
        Phase get = LAST;
        System.out.printf(Locale.ROOT, "small_put_ops_per_s %.0f%n", putOps);
        put.print("small_put");
        if (smallGet) {
            System.out.printf(Locale.ROOT, "small_get_ops_per_s %.0f%n", getOps);
            get.print("small_get");
        }

        if (largeMiB > 0) {
            System.out.printf(Locale.ROOT, "md5_mb_per_s %.0f%n", md5Rate());
            long size = largeMiB * 1024 * 1024;
            URI large = URI.create(endpoint + "/" + bucket + "/large");
            long start = System.nanoTime();
            rawTransfer(large, "PUT", size);
            double putSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "large_put_mb_per_s %.0f%n", size / 1e6 / putSeconds);
            if (Boolean.parseBoolean(System.getProperty("large.get", "true"))) {
                start = System.nanoTime();
                long read = rawTransfer(large, "GET", 0);
                double getSeconds = (System.nanoTime() - start) / 1e9;
                if (read != size) {
                    throw new IllegalStateException("GET large returned " + read + " of " + size + " bytes");
                }
                System.out.printf(Locale.ROOT, "large_get_mb_per_s %.0f%n", size / 1e6 / getSeconds);
            }
        }
    }

    /** Small PUTs and GETs through the SDK's synchronous S3Client (path-style, Apache 5 HTTP client, a connection per thread). */
    private static final class SdkCalls {
        private final software.amazon.awssdk.services.s3.S3Client s3;
        private final String bucket;

        SdkCalls(URI endpoint, int clients, String bucket) {
            this.bucket = bucket;
            this.s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                    .endpointOverride(endpoint)
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .forcePathStyle(true)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().maxConnections(clients))
                    // no aws-chunked trailer checksums (s3proxy refuses them): each server computes its own
                    .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
        }

        void put(String key, byte[] body) {
            s3.putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(body));
        }

        int get(String key) {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray().length;
        }
    }

    private interface Call {
        void run(Connection connection) throws Exception;
    }

    /** Seconds of each phase that are not counted: the server's and the client's JIT compilers warm up first (see s3-bench.sh). */
    private static final long WARMUP_SECONDS = Long.getLong("warmup", 45);

    /** The server whose CPU time is read from /proc (0: none), and the kernel's clock ticks per second. */
    private static final long SERVER_PID = Long.getLong("server.pid", 0);
    private static final long CLOCK_TICKS = Long.getLong("clock.ticks", 100);

    /** The counted window of the last {@link #run}: requests, their latencies, and the server's CPU meanwhile. */
    private record Phase(long requests, long[] latencyNanos, double serverCpuSeconds, double serverSystemSeconds,
                         long startMillis, long endMillis) {
        void print(String name) {
            // the counted window, for JfrSummary's allocation per request: requests start_epoch_ms end_epoch_ms
            System.out.printf(Locale.ROOT, "%s_window %d %d %d%n", name, requests, startMillis, endMillis);
            Arrays.sort(latencyNanos);
            if (latencyNanos.length > 0) {
                System.out.printf(Locale.ROOT, "%s_p50_ms %.2f%n", name, latencyNanos[latencyNanos.length / 2] / 1e6);
                System.out.printf(Locale.ROOT, "%s_p99_ms %.2f%n", name, latencyNanos[(int) (latencyNanos.length * 0.99)] / 1e6);
            }
            if (serverCpuSeconds >= 0 && requests > 0) {
                System.out.printf(Locale.ROOT, "%s_server_cpu_us %.0f%n", name, serverCpuSeconds * 1e6 / requests);
                System.out.printf(Locale.ROOT, "%s_server_kernel_us %.0f%n", name, serverSystemSeconds * 1e6 / requests);
            }
        }
    }

    private static Phase LAST;

    /** The server's user and system (kernel) CPU seconds so far (null without a server pid). */
    private static double[] serverCpuSeconds() throws java.io.IOException {
        if (SERVER_PID <= 0) {
            return null;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + SERVER_PID + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new double[] {Long.parseLong(fields[11]) / (double) CLOCK_TICKS, Long.parseLong(fields[12]) / (double) CLOCK_TICKS};
    }

    /** MB/s one core digests MD5 at here (the ETag of a single PUT needs it; nothing else can be faster). */
    private static double md5Rate() throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(5).nextBytes(block);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (int i = 0; i < 64; i++) {
            md5.update(block); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < 512; i++) {
            md5.update(block);
        }
        md5.digest();
        return 512 * block.length / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs the call from {@code clients} threads, each on its own kept-alive connection, for the warm-up,
     * then counts completions for {@code seconds} (those started in the window); the window's figures go to {@link #LAST}.
     */
    private static double run(int clients, int seconds, Call call, URI base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long warmEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Future<long[]>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                try (Connection connection = new Connection(base)) {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            return Arrays.copyOf(latencies, count);
                        }
                        call.run(connection);
                        if (now >= warmEnd) {
                            done.incrementAndGet();
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = System.nanoTime() - now;
                        }
                    }
                }
            }));
        }
        java.util.concurrent.locks.LockSupport.parkNanos(warmEnd - System.nanoTime());
        double[] cpuBefore = serverCpuSeconds();
        long startMillis = System.currentTimeMillis();
        long[] all = new long[0];
        for (Future<long[]> w : workers) {
            long[] part = w.get();
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        double[] cpuAfter = serverCpuSeconds();
        long endMillis = System.currentTimeMillis();
        pool.shutdown();
        LAST = cpuBefore == null ? new Phase(done.get(), all, -1, -1, startMillis, endMillis)
                : new Phase(done.get(), all, cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1], cpuAfter[1] - cpuBefore[1],
                        startMillis, endMillis);
        return done.get() / (double) seconds;
    }

    /** One kept-alive HTTP/1.1 connection sending small signed requests, cheap enough not to be the bottleneck. */
    private static final class Connection implements AutoCloseable {
        private final URI base;
        private java.net.Socket socket;
        private java.io.OutputStream out;
        private InputStream in;

        Connection(URI base) {
            this.base = base;
        }

        /** Sends one request (with an optional body); returns the length of the response body, which it reads. */
        int call(String method, String path, byte[] body) throws Exception {
            if (socket == null) {
                socket = new java.net.Socket(base.getHost(), base.getPort());
                socket.setTcpNoDelay(true);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            }
            HttpRequest signed = signed(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            signed.headers().map().forEach((k, v) -> head.append(k).append(": ").append(v.get(0)).append("\r\n"));
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String status = readLine();
            int length = 0;
            boolean close = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            byte[] data = in.readNBytes(length);
            if (!status.startsWith("HTTP/1.1 2")) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + new String(data));
            }
            if (close) {
                close();
            }
            return data.length;
        }

        private String readLine() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /**
     * One large PUT (of {@code size} generated bytes) or GET over a plain socket with 1 MiB writes and reads,
     * so the figure is the server's and not the HTTP client library's; returns the body bytes read.
     */
    private static long rawTransfer(URI uri, String method, long size) throws Exception {
        HttpRequest signed = signed(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()));
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            var out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 20);
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nConnection: close\r\n");
            signed.headers().map().forEach((k, v) -> head.append(k).append(": ").append(v.get(0)).append("\r\n"));
            if (method.equals("PUT")) {
                head.append("Content-Length: ").append(size).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            byte[] buf = new byte[1 << 20];
            try (InputStream body = new Pattern(size)) {
                for (int n; (n = body.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
            }
            out.flush();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 20);
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IllegalStateException("connection closed in the response head");
                }
                headers.append((char) c);
            }
            if (!headers.toString().startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(method + " " + uri + " answered " + headers);
            }
            long read = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                read += n;
            }
            return read;
        }
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(signed(request), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** Signs a request with SigV4 for s3 in us-east-1 (host, x-amz-content-sha256, x-amz-date). */
    private static HttpRequest signed(HttpRequest.Builder builder) throws Exception {
        String amzDate = AMZ_DATE.format(java.time.Instant.now());
        HttpRequest draft = builder.copy().build();
        URI uri = draft.uri();
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String canonical = draft.method() + "\n" + uri.getRawPath() + "\n\nhost:" + host
                + "\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:" + amzDate
                + "\n\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD";
        String scope = amzDate.substring(0, 8) + "/us-east-1/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4test").getBytes(java.nio.charset.StandardCharsets.UTF_8), amzDate.substring(0, 8));
        for (String part : new String[] {"us-east-1", "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        return builder.header("x-amz-date", amzDate).header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/" + scope
                        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + hex(hmac(key, toSign)))
                .build();
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** {@code size} bytes of a repeated random block, made on the fly so the client holds no large buffer. */
    private static final class Pattern extends InputStream {
        private static final byte[] BLOCK = new byte[1 << 20];

        static {
            new Random(3).nextBytes(BLOCK);
        }

        private long remaining;

        Pattern(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return BLOCK[(int) (remaining % BLOCK.length)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int at = (int) (remaining % BLOCK.length);
            int n = (int) Math.min(Math.min(len, remaining), BLOCK.length - at);
            System.arraycopy(BLOCK, at, b, off, n);
            remaining -= n;
            return n;
        }
    }
}
