package io.cloudjar.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Every operation this module serves, called by the real SDK with nothing set and with every plain member
 * set to nonsense: each must succeed or answer an EC2 error with a 4xx status, never a 500.
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

    /** The request classes of every operation this module's providers serve. */
    static Stream<Class<?>> operations() throws Exception {
        List<Class<?>> requests = new ArrayList<>();
        for (String provider : providers()) {
            for (Method m : Class.forName(provider).getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 2
                        && m.getParameterTypes()[0] == RequestContext.class && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[1])) {
                    requests.add(m.getParameterTypes()[1]);
                }
            }
        }
        assertThat(requests).hasSizeGreaterThan(90);
        return requests.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void emptyRequestsGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        assertNoServerError(request, b -> b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void nonsenseValuesGetAClientErrorOrSucceed(Class<?> request) throws Exception {
        assertNoServerError(request, BadInputSweepTest::nonsense);
    }

    private static void assertNoServerError(Class<?> requestClass, UnaryOperator<Object> fill) throws Exception {
        Object builder = fill.apply(requestClass.getMethod("builder").invoke(null));
        Object request = ((SdkBuilder<?, ?>) builder).build();
        String operation = requestClass.getSimpleName().replaceFirst("Request$", "");
        Method call = Ec2Client.class.getMethod(Character.toLowerCase(operation.charAt(0)) + operation.substring(1), requestClass);
        try {
            call.invoke(ec2, request);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as(operation).isInstanceOfSatisfying(Ec2Exception.class, error -> {
                assertThat(error.statusCode()).as(operation + ": " + error.getMessage()).isBetween(400, 499);
                assertThat(error.awsErrorDetails().errorCode()).as(operation).isNotBlank();
            });
        }
    }

    /** Strings "bogus-0", numbers -7; lists, maps, structures and booleans (DryRun among them) stay unset. */
    private static Object nonsense(Object builder) {
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            MarshallingType<?> type = field.marshallingType();
            if (type == MarshallingType.STRING) {
                field.set(builder, "bogus-0");
            } else if (type == MarshallingType.INTEGER) {
                field.set(builder, -7);
            } else if (type == MarshallingType.LONG) {
                field.set(builder, -7L);
            }
        }
        return builder;
    }

    private static List<String> providers() throws Exception {
        try (var in = BadInputSweepTest.class.getResourceAsStream("/META-INF/services/io.cloudjar.core.spi.ServiceProvider");
             var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> l.startsWith("io.cloudjar.vpc.")).toList();
        }
    }
}
