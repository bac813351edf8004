package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.BadInputSweep;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Every operation of the RDS API that Cloudjar implements, called by the real SDK with
 * nothing set, with every plain member set to nonsense and with nested structures of nonsense: each must
 * succeed or answer an RDS error with a 4xx status, never a 500.
 */
class BadInputSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "none"); // API behaviour only: no MariaDB process per mysql instance

    private static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder().overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())));
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    static Stream<Class<?>> operations() throws Exception {
        List<Class<?>> requests = BadInputSweep.requestsServedBy("io.cloudjar.rds.");
        assertThat(requests).hasSize(61);
        return requests.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyRequestsGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(rds, RdsClient.class, request, BadInputSweep::empty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void nonsenseValuesGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(rds, RdsClient.class, request, BadInputSweep::nonsense);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyNestedStructuresGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(rds, RdsClient.class, request, BadInputSweep::hollow);
    }
}
