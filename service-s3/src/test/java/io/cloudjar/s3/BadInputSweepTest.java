package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.BadInputSweep;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every S3 operation this module serves, called by the real SDK on an existing bucket and object with every other
 * plain member set to nonsense, and again with empty nested structures: each must succeed or answer an S3 error
 * with a 4xx status, never a 500.
 */
class BadInputSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final String BUCKET = "sweep-bucket";
    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = cloudjar.client(S3Client.builder().forcePathStyle(true)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())));
    }

    /** Deletions of the sweep itself do not leave later calls without their bucket and object. */
    @BeforeEach
    void bucketAndObject() {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        s3.putObject(r -> r.bucket(BUCKET).key("bogus-0"), RequestBody.fromString("object"));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static Stream<Arguments> operations() throws Exception {
        List<Class<?>> requests = BadInputSweep.requestsServedBy("io.cloudjar.s3.");
        assertThat(requests).hasSizeGreaterThan(20);
        return requests.stream().filter(BadInputSweepTest::ofS3) // S3 Control's are swept in AccountPublicAccessBlockTest
                .flatMap(r -> Stream.of(Arguments.of(r, "nonsense"), Arguments.of(r, "hollow")));
    }

    private static boolean ofS3(Class<?> request) {
        return request.getPackageName().equals("software.amazon.awssdk.services.s3.model");
    }

    /** The bucket (and the source of copies) exist, so the call gets past the lookup to what it reads next. */
    private static Object inTheBucket(Object builder) {
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            switch (field.memberName()) {
                case "Bucket", "DestinationBucket", "SourceBucket" -> field.set(builder, BUCKET);
                case "CopySource" -> field.set(builder, BUCKET + "/bogus-0");
                default -> { }
            }
        }
        return builder;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void badRequestsGetAClientErrorOrSucceed(Class<?> request, String fill) throws Exception {
        UnaryOperator<Object> filler = fill.equals("nonsense") ? b -> inTheBucket(BadInputSweep.nonsense(b))
                : b -> inTheBucket(BadInputSweep.hollow(b));
        BadInputSweep.assertNoServerError(s3, S3Client.class, request, filler);
    }
}
