package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * With {@code DATA_DIR} set, object bodies live under it and nowhere else: keys that look like paths
 * ({@code ../}, {@code %2F}, absolute, unicode, 1,024 bytes) are stored verbatim as keys, and on disk every
 * body is a file with a random name inside the data directory.
 */
class DataDirectoryTest {
    private static final String MARKER = "escaped-marker";

    @TempDir
    Path sandbox;

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void pathLikeKeysNeverLeaveTheDataDirectory(String style) throws Exception {
        Path dataDir = Files.createDirectories(sandbox.resolve("data"));
        List<String> keys = new ArrayList<>();
        for (int depth = 1; depth <= 8; depth++) {
            keys.add("../".repeat(depth) + MARKER);
        }
        keys.addAll(List.of("..%2F..%2F" + MARKER, "%2E%2E/%2E%2E/" + MARKER, "/" + MARKER, "s3/blobs/../../" + MARKER,
                "ünïcødé/日本語/" + MARKER, "k".repeat(1024 - MARKER.length()) + MARKER, "..\\..\\" + MARKER));
        try (CloudjarServer server = CloudjarServer.start(EmulatorConfig.forTests().withDataDir(dataDir));
             S3Client s3 = client(server, style)) {
            s3.createBucket(b -> b.bucket("data-dir-" + style));
            for (String key : keys) {
                s3.putObject(r -> r.bucket("data-dir-" + style).key(key), RequestBody.fromString(key));
            }
            for (String key : keys) {
                assertThat(s3.getObjectAsBytes(r -> r.bucket("data-dir-" + style).key(key)).asUtf8String()).isEqualTo(key);
            }
            assertThat(s3.listObjectsV2(r -> r.bucket("data-dir-" + style)).contents()).extracting(S3Object::key)
                    .containsExactlyInAnyOrderElementsOf(keys);

            List<Path> files;
            try (Stream<Path> walk = Files.walk(sandbox)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).hasSize(keys.size()).allSatisfy(file -> {
                assertThat(file).startsWith(dataDir.resolve("s3")); // s3/<server>/<generation>/<shard>/<blob>
                assertThat(file.getFileName().toString()).matches("[0-9a-f]{32}");
            });
        }
        assertThat(Path.of("/tmp", MARKER)).doesNotExist();
        assertThat(Path.of("/", MARKER)).doesNotExist();
    }

    private static S3Client client(CloudjarServer server, String style) {
        var builder = S3Client.builder().endpointOverride(URI.create("http://localhost:" + server.port())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        return style.equals("path") ? builder.forcePathStyle(true).build() : builder.httpClient(ApacheHttpClient.builder()
                .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build()).build();
    }
}
