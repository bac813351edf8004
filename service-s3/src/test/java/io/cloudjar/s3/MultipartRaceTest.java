package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A part uploaded again while its upload completes or is aborted: each call answers as if it ran before or after
 * the other (200, or 400 InvalidPart / 404 NoSuchUpload), never 500, and a completed object holds the body of the
 * part it named. Before parts and completion took one lock, the new upload of a part deleted the body the
 * completion was joining.
 */
class MultipartRaceTest {
    private static final int ROUNDS = 60;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static S3Client client() {
        return cloudjar.client(S3Client.builder().forcePathStyle(true)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
    }

    @Test
    void aPartUploadedAgainDuringCompletionNeverBreaksIt() throws Exception {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket("mpu-race"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String key = "k" + round;
                    String uploadId = s3.createMultipartUpload(b -> b.bucket("mpu-race").key(key)).uploadId();
                    String etag = s3.uploadPart(b -> b.bucket("mpu-race").key(key).uploadId(uploadId).partNumber(1),
                            RequestBody.fromString("first " + round)).eTag();
                    boolean abort = round % 3 == 2;
                    CountDownLatch start = new CountDownLatch(1);
                    Future<Integer> ending = pool.submit(() -> {
                        start.await();
                        return status(() -> {
                            if (abort) {
                                s3.abortMultipartUpload(b -> b.bucket("mpu-race").key(key).uploadId(uploadId));
                            } else {
                                s3.completeMultipartUpload(b -> b.bucket("mpu-race").key(key).uploadId(uploadId)
                                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
                            }
                        });
                    });
                    Future<Integer> again = pool.submit(() -> {
                        start.await();
                        return status(() -> s3.uploadPart(b -> b.bucket("mpu-race").key(key).uploadId(uploadId).partNumber(1),
                                RequestBody.fromString("second " + key)));
                    });
                    start.countDown();

                    int ended = ending.get();
                    int uploaded = again.get();
                    assertThat(ended).as("round %d: %s", round, abort ? "abort" : "complete").isIn(200, 204, 400);
                    assertThat(uploaded).as("round %d: part uploaded again", round).isIn(200, 404);
                    if (!abort && ended == 200) {
                        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu-race").key(key)).asUtf8String()).isEqualTo("first " + round);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }
}
