package io.cloudjar.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.spi.CallContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Calls every operation a module's providers serve through a real SDK client, with nothing set, with every
 * plain member set to nonsense, or with nested structures too ({@link #hollow}), and asserts that each succeeds
 * or answers an AWS error with a 4xx status, never a 500:
 * <pre>{@code
 * static Stream<Class<?>> operations() { return BadInputSweep.requestsServedBy("io.cloudjar.ec2.").stream(); }
 * BadInputSweep.assertNoServerError(ec2, Ec2Client.class, request, BadInputSweep::nonsense);
 * }</pre>
 */
public final class BadInputSweep {
    private BadInputSweep() {
    }

    /** The request classes of every operation served by the providers in packages starting with a prefix. */
    public static List<Class<?>> requestsServedBy(String... packagePrefixes) throws Exception {
        List<Class<?>> requests = new ArrayList<>();
        for (String provider : providers(List.of(packagePrefixes))) {
            for (Method m : Class.forName(provider).getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 2
                        && m.getParameterTypes()[0] == CallContext.class && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[1])) {
                    requests.add(m.getParameterTypes()[1]);
                }
            }
        }
        return requests;
    }

    /** Calls the operation of {@code requestClass} on {@code client}, its request built by {@code fill}. */
    public static void assertNoServerError(Object client, Class<?> clientInterface, Class<?> requestClass,
                                           UnaryOperator<Object> fill) throws Exception {
        Object builder = fill.apply(requestClass.getMethod("builder").invoke(null));
        Object request = ((SdkBuilder<?, ?>) builder).build();
        String operation = requestClass.getSimpleName().replaceFirst("Request$", "");
        Method call = Arrays.stream(clientInterface.getMethods()) // by type: names keep acronyms (resyncMFADevice)
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == requestClass).findFirst().orElseThrow();
        try {
            call.invoke(client, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return; // the SDK refused to send it (CopySnapshot presigning without a source region)
            }
            if (e.getCause() instanceof SdkClientException refused && String.valueOf(refused.getMessage()).startsWith("Unable to marshall")) {
                return; // nor this (an S3 payload left out: PutObjectTagging without Tagging)
            }
            assertThat(e.getCause()).as(operation).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).as(operation + ": " + error.getMessage()).isBetween(400, 499);
                assertThat(error.awsErrorDetails().errorCode()).as(operation).isNotBlank();
            });
        }
    }

    /** Leaves the request empty. */
    public static Object empty(Object builder) {
        return builder;
    }

    /** Strings "bogus-0", numbers -7; lists, maps, structures and booleans (DryRun among them) stay unset. */
    public static Object nonsense(Object builder) {
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

    /**
     * As {@link #nonsense}, and every structure member, and every list of structures as its one item, set to a
     * structure of nonsense whose own structures and lists stay unset: code that walks nested members before
     * looking anything up meets the members a client left out.
     */
    public static Object hollow(Object builder) {
        nonsense(builder);
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            MarshallingType<?> type = field.marshallingType();
            if (type == MarshallingType.SDK_POJO) {
                field.set(builder, emptyStructure(field));
            } else if (type == MarshallingType.LIST) {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                if (member.marshallingType() == MarshallingType.SDK_POJO) {
                    field.set(builder, List.of(emptyStructure(member)));
                }
            }
        }
        return builder;
    }

    private static Object emptyStructure(SdkField<?> field) {
        return ((SdkBuilder<?, ?>) nonsense(field.constructor().get())).build();
    }

    /** Every service file on the class path is read: a module's tests also see the modules it uses. */
    private static List<String> providers(List<String> packagePrefixes) throws Exception {
        List<String> names = new ArrayList<>();
        var files = BadInputSweep.class.getClassLoader().getResources("META-INF/services/io.cloudjar.core.spi.ServiceProvider");
        while (files.hasMoreElements()) {
            try (var reader = new BufferedReader(new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::trim).filter(l -> packagePrefixes.stream().anyMatch(l::startsWith)).forEach(names::add);
            }
        }
        return names;
    }
}
