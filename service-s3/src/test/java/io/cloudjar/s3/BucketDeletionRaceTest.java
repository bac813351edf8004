package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DeleteBucket racing uploads: an acknowledged object is never lost with a deleted bucket. */
class BucketDeletionRaceTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void aBucketIsEitherDeletedWithNoAcknowledgedObjectOrKeepsEveryOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try (S3Client s3 = S3Clients.pathStyle(cloudjar)) {
            for (int round = 0; round < 20; round++) {
                String bucket = "race-" + round;
                s3.createBucket(b -> b.bucket(bucket));
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> uploads = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String key = "k" + w;
                    uploads.add(pool.submit(() -> {
                        start.await();
                        try {
                            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
                            acknowledged.add(key);
                        } catch (S3Exception e) {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                        }
                        return null;
                    }));
                }
                Future<Boolean> delete = pool.submit(() -> {
                    start.await();
                    try {
                        s3.deleteBucket(b -> b.bucket(bucket));
                        return true;
                    } catch (S3Exception e) {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                        return false;
                    }
                });
                start.countDown();
                for (Future<?> f : uploads) {
                    f.get();
                }
                if (delete.get()) {
                    assertThat(acknowledged).as("round %d: bucket deleted, so no upload may have been acknowledged", round).isEmpty();
                } else {
                    Set<String> stored = s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                            .map(o -> o.key()).collect(Collectors.toSet());
                    assertThat(stored).as("round %d", round).containsAll(acknowledged);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
