package io.cloudjar.ec2;

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
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Every operation of the EC2 API (this module's and service-vpc's providers), called by the real SDK with
 * nothing set, with every plain member set to nonsense and with nested structures of nonsense: each must
 * succeed or answer an EC2 error with a 4xx status, never a 500.
 */
class BadInputSweepTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static Ec2Client ec2;

    @BeforeAll
    static void client() {
        ec2 = cloudjar.client(Ec2Client.builder().overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())));
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    static Stream<Class<?>> operations() throws Exception {
        List<Class<?>> requests = BadInputSweep.requestsServedBy("io.cloudjar.ec2.", "io.cloudjar.vpc.");
        assertThat(requests).hasSizeGreaterThan(140);
        return requests.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyRequestsGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(ec2, Ec2Client.class, request, BadInputSweep::empty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void nonsenseValuesGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(ec2, Ec2Client.class, request, BadInputSweep::nonsense);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyNestedStructuresGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(ec2, Ec2Client.class, request, BadInputSweep::hollow);
    }
}
