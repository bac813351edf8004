package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code POST /moto-api/reset} removes what this server owns and nothing else, and never breaks a write racing it:
 * servers sharing a {@code DATA_DIR} keep each other's objects, and a PUT racing a reset either lands before it
 * (then goes with it) or after it (then stays readable), never failing and never leaving a body nobody references.
 */
class ResetTest {
    private static final RetryStrategy NO_RETRIES = AwsRetryStrategy.doNotRetry(); // a 5xx must show, not be retried away

    @TempDir
    Path dataDir;

    @Test
    void resettingOneServerLeavesTheObjectsOfAnotherSharingTheDataDirectory() throws Exception {
        try (CloudjarServer first = CloudjarServer.start(EmulatorConfig.forTests().withDataDir(dataDir));
             CloudjarServer second = CloudjarServer.start(EmulatorConfig.forTests().withDataDir(dataDir));
             S3Client one = client(first);
             S3Client two = client(second)) {
            one.createBucket(b -> b.bucket("first"));
            two.createBucket(b -> b.bucket("second"));
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                one.putObject(r -> r.bucket("first").key(key), RequestBody.fromString("first " + key));
                two.putObject(r -> r.bucket("second").key(key), RequestBody.fromString("second " + key));
            }

            assertThat(reset(first)).isEqualTo(200);

            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                assertThat(two.getObjectAsBytes(r -> r.bucket("second").key(key)).asUtf8String()).isEqualTo("second " + key);
            }
            assertThat(one.listBuckets().buckets()).isEmpty();
            try (Stream<Path> serverDirs = Files.list(dataDir.resolve("s3"))) { // one directory each: the reset one's is empty
                assertThat(serverDirs.map(dir -> bodiesOnDisk(dir).size())).containsExactlyInAnyOrder(0, 20);
            }
            one.createBucket(b -> b.bucket("first"));
            one.putObject(r -> r.bucket("first").key("again"), RequestBody.fromString("again"));
            assertThat(one.getObjectAsBytes(r -> r.bucket("first").key("again")).asUtf8String()).isEqualTo("again");
        }
        try (Stream<Path> left = Files.walk(dataDir)) {
            assertThat(left.filter(Files::isRegularFile)).as("each server removes its directory when it stops").isEmpty();
        }
    }

    @Test
    void putsRacingResetsNeverFailAndEveryOneAcknowledgedAfterAResetStaysReadable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (CloudjarServer server = CloudjarServer.start(EmulatorConfig.forTests().withDataDir(dataDir));
             S3Client s3 = client(server)) {
            Path serverDir;
            try (Stream<Path> dirs = Files.list(dataDir.resolve("s3"))) {
                serverDir = dirs.findFirst().orElseThrow();
            }
            byte[] padding = new byte[96 * 1024]; // bodies large enough that writes and resets overlap
            for (int round = 0; round < 6; round++) {
                String bucket = "race";
                createIfMissing(s3, bucket);
                AtomicBoolean stop = new AtomicBoolean();
                Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
                Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 5; w++) {
                    String writer = "r" + round + "w" + w + "-";
                    writers.add(pool.submit(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            String key = writer + n;
                            byte[] body = body(key, padding);
                            long started = System.nanoTime();
                            try {
                                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
                                acknowledged.add(new Acknowledged(key, started));
                            } catch (S3Exception e) {
                                if ("NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
                                    createIfMissing(s3, bucket); // the reset removed it: a write after the reset needs it again
                                } else {
                                    failures.add(e);
                                }
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                        return null;
                    }));
                }
                awaitAtLeast(10, () -> acknowledged.size()); // writes running when the reset comes
                assertThat(reset(server)).isEqualTo(200);
                long resetDone = System.nanoTime();
                awaitAtLeast(10, () -> (int) acknowledged.stream().filter(a -> a.started() > resetDone).count());
                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get();
                }

                assertThat(failures).as("round %d: a write racing a reset never fails", round).isEmpty();
                List<Acknowledged> afterReset = acknowledged.stream().filter(a -> a.started() > resetDone).toList();
                assertThat(afterReset).as("round %d: writes after the reset", round).isNotEmpty();
                for (Acknowledged a : afterReset) {
                    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(a.key())).asByteArray())
                            .as("round %d: %s, written after the reset", round, a.key()).isEqualTo(body(a.key(), padding));
                }
                int objects = s3.listObjectsV2(r -> r.bucket(bucket)).keyCount();
                assertThat(bodiesOnDisk(serverDir)).as("round %d: bodies on disk are exactly the objects'", round).hasSize(objects);
            }
            assertThat(reset(server)).isEqualTo(200);
            assertThat(bodiesOnDisk(serverDir)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Acknowledged(String key, long started) {
    }

    /** Waits (at most 30 s, a loaded machine) until the count reaches {@code n}. */
    private static void awaitAtLeast(int n, java.util.function.IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static byte[] body(String key, byte[] padding) {
        byte[] name = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = padding.clone();
        System.arraycopy(name, 0, body, 0, name.length);
        return body;
    }

    private static void createIfMissing(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
        }
    }

    /** The reset as scripts call it. */
    private static int reset(CloudjarServer server) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Path> bodiesOnDisk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static S3Client client(CloudjarServer server) {
        return S3Client.builder().endpointOverride(URI.create("http://localhost:" + server.port())).region(Region.US_EAST_1)
                .forcePathStyle(true).overrideConfiguration(o -> o.retryStrategy(NO_RETRIES))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
