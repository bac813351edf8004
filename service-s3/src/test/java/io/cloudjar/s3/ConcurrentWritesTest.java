package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * 32 clients write the same key at once while readers read it: every read sees one complete body that some
 * writer sent (never a mix), and the key ends with exactly one writer's complete body.
 */
class ConcurrentWritesTest {
    private static final int WRITERS = 32;
    private static final int SIZE = 256 * 1024;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    /** @param pathStyle false: virtual-host style, every {@code *.localhost} name resolved to loopback */
    private static S3Client client(boolean pathStyle) {
        return cloudjar.client(S3Client.builder().forcePathStyle(pathStyle)
                .httpClient(ApacheHttpClient.builder().maxConnections(WRITERS * 2)
                        .dnsResolver(host -> new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()}).build()));
    }

    private static byte[] body(int writer) {
        byte[] b = new byte[SIZE];
        java.util.Arrays.fill(b, (byte) writer);
        return b;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "path style: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void thirtyTwoWritersOnOneKeyLeaveExactlyOneCompleteWinner(boolean pathStyle) throws Exception {
        Map<String, Integer> etags = new ConcurrentHashMap<>();
        for (int w = 0; w < WRITERS; w++) {
            etags.put("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body(w))) + "\"", w);
        }
        String bucket = pathStyle ? "contended-path" : "contended-virtual-host";
        try (S3Client s3 = client(pathStyle)) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(r -> r.bucket(bucket).key("hot"), RequestBody.fromBytes(body(0)));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 4);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 3; round++) {
                        String etag = s3.putObject(r -> r.bucket(bucket).key("hot"), RequestBody.fromBytes(body(writer))).eTag();
                        assertThat(etags.get(etag)).isEqualTo(writer);
                    }
                    return null;
                }));
            }
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        var got = s3.getObjectAsBytes(q -> q.bucket(bucket).key("hot"));
                        byte[] bytes = got.asByteArray();
                        assertThat(bytes).hasSize(SIZE);
                        int writer = bytes[0];
                        assertThat(bytes).containsOnly((byte) writer); // one writer's body, never torn
                        assertThat(etags.get(got.response().eTag())).isEqualTo(writer);
                        seen.add(writer);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get();
            }
            pool.shutdown();

            var last = s3.getObjectAsBytes(r -> r.bucket(bucket).key("hot"));
            int winner = last.asByteArray()[0];
            assertThat(last.asByteArray()).containsOnly((byte) winner);
            assertThat(etags.get(last.response().eTag())).isEqualTo(winner);
            assertThat(seen).isNotEmpty();
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).hasSize(1);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "path style: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void concurrentWritersToAVersionedKeyEachGetTheirOwnVersion(boolean pathStyle) throws Exception {
        String bucket = pathStyle ? "contended-versions-path" : "contended-versions-virtual-host";
        try (S3Client s3 = client(pathStyle)) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<String>> ids = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                ids.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromBytes(body(writer))).versionId()));
            }
            Set<String> versions = ConcurrentHashMap.newKeySet();
            for (Future<String> id : ids) {
                versions.add(id.get());
            }
            pool.shutdown();
            assertThat(versions).hasSize(WRITERS);
            assertThat(s3.listObjectVersions(r -> r.bucket(bucket)).versions()).hasSize(WRITERS);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "path style: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void ofManyConditionalCreatesExactlyOneSucceeds(boolean pathStyle) throws Exception {
        String bucket = pathStyle ? "contended-create-path" : "contended-create-virtual-host";
        try (S3Client s3 = client(pathStyle)) {
            s3.createBucket(b -> b.bucket(bucket));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                outcomes.add(pool.submit(() -> {
                    try {
                        s3.putObject(r -> r.bucket(bucket).key("lock").ifNoneMatch("*"), RequestBody.fromBytes(body(writer)));
                        return true;
                    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                        assertThat(e.statusCode()).isEqualTo(412);
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : outcomes) {
                won += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(won).isEqualTo(1);
        }
    }
}
