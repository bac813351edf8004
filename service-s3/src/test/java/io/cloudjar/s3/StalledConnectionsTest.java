package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3 over connections that stop making progress, with small server timeouts: an upload whose body stops arriving is
 * answered 400 RequestTimeout and nothing is stored; a download the client stops reading is closed and its file
 * released; an upload that is slow but keeps sending is stored. Assertions wait generously, never measure.
 */
class StalledConnectionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("CLOUDJAR_IO_TIMEOUT_MS", "1500");

    private static final int PATIENCE_MILLIS = 20_000;
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("stalls"));
    }

    private static String putHead(String key, int contentLength) {
        return "PUT /stalls/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void anUploadWhoseBodyStopsIsRequestTimeoutAndNothingIsStored() throws Exception {
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            RawHttp.Response response = http.send(putHead("stalled", 1000) + "x".repeat(100)).read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>RequestTimeout</Code>")
                    .contains("Your socket connection to the server was not read from or written to within the timeout period.");
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("stalls").key("stalled"))))
                .isNotNull();
    }

    @Test
    void aSlowButSteadyUploadIsStored() throws Exception {
        String body = "slow and steady wins the race"; // 29 bytes, one per 100 ms: about twice the I/O timeout
        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS)) {
            http.send(putHead("steady", body.length()));
            for (char c : body.toCharArray()) {
                Thread.sleep(100);
                http.send(String.valueOf(c));
            }
            assertThat(http.read().status()).isEqualTo(200);
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("stalls").key("steady")).asUtf8String()).isEqualTo(body);
    }

    @Test
    void aDownloadTheClientStopsReadingIsClosedAndItsFileReleased() throws Exception {
        s3.putObject(b -> b.bucket("stalls").key("big"), RequestBody.fromBytes(new byte[24 * 1024 * 1024]));
        Path blob = S3State.of(cloudjar.server().runtime()).buckets().stream().filter(b -> b.name().equals("stalls"))
                .findFirst().orElseThrow().latest("big").blob();

        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS, 16 * 1024)) {
            http.send("GET /stalls/big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); // and read nothing: the answer fills the buffers
            assertThat(waitFor(blob, true)).as("the server sends the object's file").isTrue();
            assertThat(waitFor(blob, false)).as("the server released the object's file").isTrue();
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedRequestsWhoseAnswersAreNotReadDoNotPileUp() throws Exception {
        s3.putObject(b -> b.bucket("stalls").key("medium"), RequestBody.fromBytes(new byte[2 * 1024 * 1024]));
        Path blob = S3State.of(cloudjar.server().runtime()).buckets().stream().filter(b -> b.name().equals("stalls"))
                .findFirst().orElseThrow().latest("medium").blob();

        try (RawHttp http = new RawHttp(cloudjar.port(), PATIENCE_MILLIS, 16 * 1024)) {
            http.send("GET /stalls/medium HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(100)); // read in one go, answers never read
            assertThat(waitFor(blob, true)).as("the server sends the first answer").isTrue();
            long most = 0;
            for (int i = 0; i < 20; i++) { // a second, within the I/O timeout after which the server gives up on us
                most = Math.max(most, RawHttp.openCount(blob));
                Thread.sleep(50);
            }
            assertThat(most).as("answers (and their files) waiting to be sent").isLessThanOrEqualTo(3);
        }
        assertThat(waitFor(blob, false)).as("everything released once the client is gone").isTrue();
    }

    /** Polls until the file is open (or closed) in this JVM; false if it never got so within the patience. */
    private static boolean waitFor(Path file, boolean open) throws Exception {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (RawHttp.isOpen(file) == open) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
