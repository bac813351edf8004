package io.cloudjar.lightsail;

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
import software.amazon.awssdk.services.lightsail.LightsailClient;

/**
 * Every operation of the Lightsail API that Cloudjar implements, called by the real SDK with
 * nothing set, with every plain member set to nonsense and with nested structures of nonsense: each must
 * succeed or answer a Lightsail error with a 4xx status, never a 500.
 */
class BadInputSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static LightsailClient lightsail;

    @BeforeAll
    static void client() {
        lightsail = cloudjar.client(LightsailClient.builder().overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())));
    }

    @AfterAll
    static void close() {
        lightsail.close();
    }

    static Stream<Class<?>> operations() throws Exception {
        List<Class<?>> requests = BadInputSweep.requestsServedBy("io.cloudjar.lightsail.");
        assertThat(requests).hasSize(161); // every operation of the model: 72 compute, catalogue and database operations, 44 networking and services, 9 of issue 14c, 14 content delivery (certificates, distributions), 11 database events/logs/parameters and container images/logs, 11 host keys, VPC peering, GUI sessions and export to EC2
        return requests.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyRequestsGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(lightsail, LightsailClient.class, request, BadInputSweep::empty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void nonsenseValuesGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(lightsail, LightsailClient.class, request, BadInputSweep::nonsense);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyNestedStructuresGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(lightsail, LightsailClient.class, request, BadInputSweep::hollow);
    }
}
