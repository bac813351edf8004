package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.BadInputSweep;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every IAM and STS operation, called by the real SDK empty, with every plain member set to nonsense and with
 * empty nested structures: each must succeed or answer an error with a 4xx status, never a 500.
 */
class BadInputSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static IamClient iam;
    private static StsClient sts;

    @BeforeAll
    static void clients() {
        iam = cloudjar.client(IamClient.builder().overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())));
        sts = cloudjar.client(StsClient.builder().overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())));
    }

    @AfterAll
    static void close() {
        iam.close();
        sts.close();
    }

    static Stream<Arguments> operations() throws Exception {
        List<Class<?>> requests = BadInputSweep.requestsServedBy("io.cloudjar.iam.");
        assertThat(requests).hasSizeGreaterThan(100);
        return requests.stream().flatMap(r -> Stream.of(Arguments.of(r, "empty"), Arguments.of(r, "nonsense"), Arguments.of(r, "hollow")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void badRequestsGetAClientErrorOrSucceed(Class<?> request, String fill) throws Exception {
        UnaryOperator<Object> filler = switch (fill) {
            case "empty" -> BadInputSweep::empty;
            case "nonsense" -> BadInputSweep::nonsense;
            default -> BadInputSweep::hollow;
        };
        boolean isSts = request.getPackageName().endsWith(".sts.model");
        BadInputSweep.assertNoServerError(isSts ? sts : iam, isSts ? StsClient.class : IamClient.class, request, filler);
    }
}
