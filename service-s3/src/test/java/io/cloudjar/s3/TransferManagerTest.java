package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.ProxyConfiguration;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The SDK's own high-level clients: the async client and {@code S3TransferManager} moving a 100 MB file
 * in parallel multipart uploads and part downloads, and a directory tree, in both addressing styles.
 */
class TransferManagerTest {
    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @TempDir
    Path tmp;

    private static LoopbackTunnel tunnel;

    @BeforeAll
    static void startTunnel() throws IOException {
        tunnel = new LoopbackTunnel(cloudjar.port());
    }

    @AfterAll
    static void stopTunnel() throws IOException {
        tunnel.close();
    }

    /**
     * A multipart-enabled async client, path style or virtual-host style; the latter reaches the server through
     * {@link LoopbackTunnel}, as if {@code <bucket>.localhost} resolved to loopback.
     */
    private static S3AsyncClient multipartClient(String style) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder().multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8 * MIB).minimumPartSizeInBytes(8 * MIB));
        if (style.equals("path")) {
            return cloudjar.client(builder.forcePathStyle(true));
        }
        return cloudjar.client(builder.forcePathStyle(false).httpClientBuilder(NettyNioAsyncHttpClient.builder()
                .proxyConfiguration(ProxyConfiguration.builder().scheme("http").host("127.0.0.1").port(tunnel.port())
                        .useSystemPropertyValues(false).useEnvironmentVariableValues(false).build())));
    }

    /** In virtual-host style every call went to the bucket's own host name. */
    private static void assertAddressed(String style, String bucket) {
        String host = bucket + ".localhost:" + cloudjar.port();
        if (style.equals("path")) {
            assertThat(tunnel.hosts()).doesNotContain(host);
        } else {
            assertThat(tunnel.hosts()).contains(host);
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md5.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static void randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buf = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buf.length) {
                random.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, size - written));
            }
        }
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void transferManagerUploadsAndDownloadsAHundredMegabyteFileInParts(String style) throws Exception {
        Path source = tmp.resolve("big.bin");
        randomFile(source, 100 * MIB, 42);
        String bucket = "transfers-" + style;
        try (S3AsyncClient s3 = multipartClient(style); S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
            s3.createBucket(b -> b.bucket(bucket)).join();
            var uploaded = tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket(bucket).key("big.bin")))
                    .completionFuture().join();
            assertThat(uploaded.response().eTag()).matches("\"[0-9a-f]{32}-13\"");

            Path target = tmp.resolve("downloaded.bin");
            tm.downloadFile(d -> d.destination(target).getObjectRequest(g -> g.bucket(bucket).key("big.bin")))
                    .completionFuture().join();
            assertThat(Files.size(target)).isEqualTo(100 * MIB);
            assertThat(md5(target)).isEqualTo(md5(source));
            assertThat(s3.headObject(h -> h.bucket(bucket).key("big.bin")).join().contentLength()).isEqualTo(100 * MIB);
        }
        assertAddressed(style, bucket);
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void transferManagerUploadsADirectoryTree(String style) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("site"));
        List<String> files = List.of("index.html", "css/site.css", "js/app/main.js", "img/logo.png", "deep/a/b/c/d.txt");
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + f);
        }
        String bucket = "site-upload-" + style;
        try (S3AsyncClient s3 = multipartClient(style); S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
            s3.createBucket(b -> b.bucket(bucket)).join();
            var result = tm.uploadDirectory(u -> u.source(root).bucket(bucket).s3Prefix("www")).completionFuture().join();
            assertThat(result.failedTransfers()).isEmpty();
            List<String> keys = s3.listObjectsV2(l -> l.bucket(bucket)).join().contents().stream().map(S3Object::key).toList();
            assertThat(keys).containsExactlyInAnyOrderElementsOf(files.stream().map(f -> "www/" + f).toList());
            var page = s3.getObject(g -> g.bucket(bucket).key("www/deep/a/b/c/d.txt"), AsyncResponseTransformer.toBytes()).join();
            assertThat(page.asUtf8String()).isEqualTo("content of deep/a/b/c/d.txt");

            Path back = tmp.resolve("back");
            var download = tm.downloadDirectory(d -> d.destination(back).bucket(bucket)).completionFuture().join();
            assertThat(download.failedTransfers()).isEmpty();
            assertThat(Files.readString(back.resolve("www/css/site.css"))).isEqualTo("content of css/site.css");
        }
        assertAddressed(style, bucket);
    }

    @Test
    void asyncClientStreamsConcurrentRequests() {
        try (S3AsyncClient s3 = S3Clients.async(cloudjar)) {
            s3.createBucket(b -> b.bucket("async-many")).join();
            var puts = java.util.stream.IntStream.range(0, 50).mapToObj(i -> s3.putObject(p -> p.bucket("async-many").key("k" + i),
                    AsyncRequestBody.fromString("value " + i))).toList();
            puts.forEach(java.util.concurrent.CompletableFuture::join);
            var listing = s3.listObjectsV2(l -> l.bucket("async-many")).join();
            assertThat(listing.keyCount()).isEqualTo(50);
            var got = s3.getObject(g -> g.bucket("async-many").key("k7").range("bytes=6-6"), AsyncResponseTransformer.toBytes()).join();
            assertThat(got.asUtf8String()).isEqualTo("7");
        }
    }
}
