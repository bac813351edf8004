package io.cloudjar.core.runtime;

import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationTable;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.Reply;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.spi.StreamingPayload;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds every public method of an API's providers to the operation it implements, by the SDK client's method
 * name, and refuses what cannot be right: a public method that names no operation of the API (a misspelt
 * {@code createDbInstance} for {@code CreateDBInstance} would otherwise answer 501 forever), a signature that
 * is not {@code (CallContext, <Op>Request[, StreamingPayload])} returning the operation's response (or a
 * {@link Reply} of it), or two methods for one operation. Methods that implement an interface (the {@link ServiceProvider} callbacks, a
 * seam such as an internal resource) are not operations and are left alone.
 */
final class ProviderWiring {
    private ProviderWiring() {
    }

    /** A provider method and the provider it runs on. */
    record Binding(ServiceProvider provider, Method method) {
        String describe() {
            return provider.getClass().getName() + "." + method.getName() + "("
                    + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * @return api → operation name → binding
     * @throws IllegalStateException naming every method that is wrong
     */
    static Map<String, Map<String, Binding>> bind(Map<String, List<ServiceProvider>> providersByApi, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Binding>> all = new LinkedHashMap<>();
        providersByApi.forEach((api, providers) -> {
            if (models.metadata(api) == null) {
                providers.forEach(p -> problems.add(p.getClass().getName() + " serves '" + api + "', which is no API of the model index"));
                return;
            }
            all.put(api, bindApi(models.metadata(api), models.operationTable(api), providers, problems));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Provider methods do not match their APIs' operations:\n  - "
                    + String.join("\n  - ", problems));
        }
        return all;
    }

    private static Map<String, Binding> bindApi(ApiMetadata api, OperationTable operations, List<ServiceProvider> providers,
                                                List<String> problems) {
        Map<String, OperationTable.Entry> byMethodName = new HashMap<>();
        Map<String, OperationTable.Entry> byLowerMethodName = new HashMap<>();
        for (OperationTable.Entry op : operations.entries()) {
            byMethodName.put(op.methodName(), op);
            byLowerMethodName.put(op.methodName().toLowerCase(Locale.ROOT), op);
        }
        Map<String, Binding> bound = new LinkedHashMap<>();
        for (ServiceProvider provider : providers) {
            for (Method method : provider.getClass().getMethods()) {
                if (method.getDeclaringClass() == Object.class || implementsInterface(provider.getClass(), method)) {
                    continue;
                }
                Binding binding = new Binding(provider, method);
                OperationTable.Entry op = byMethodName.get(method.getName());
                if (op == null) {
                    OperationTable.Entry near = byLowerMethodName.get(method.getName().toLowerCase(Locale.ROOT));
                    problems.add(binding.describe() + " is public but names no operation of " + api.serviceId()
                            + (near == null ? "" : " (did you mean " + near.methodName() + " for " + near.name() + "?)"));
                    continue;
                }
                String wrong = signatureProblem(api, op, method);
                if (wrong != null) {
                    problems.add(binding.describe() + " implements " + op.name() + " but " + wrong);
                    continue;
                }
                Binding earlier = bound.putIfAbsent(op.name(), binding);
                if (earlier != null) {
                    problems.add(op.name() + " is implemented twice: by " + earlier.describe() + " and by " + binding.describe());
                }
            }
        }
        return bound;
    }

    /** What is wrong with the method's signature for the operation, or null when it is right. */
    private static String signatureProblem(ApiMetadata api, OperationTable.Entry op, Method method) {
        String model = api.sdkPackage() + ".model.";
        String input = model + op.inputClass();
        List<String> expected = new ArrayList<>(List.of(CallContext.class.getName(), input));
        if (op.streamingInput()) {
            expected.add(StreamingPayload.class.getName());
        }
        List<String> actual = Arrays.stream(method.getParameterTypes()).map(Class::getName).toList();
        if (!actual.equals(expected)) {
            return "takes (" + String.join(", ", actual) + "), not (" + String.join(", ", expected) + ")";
        }
        String output = model + op.outputClass();
        String returned = method.getReturnType().getName();
        if (!returned.equals(output) && method.getReturnType() != Reply.class) {
            return "returns " + returned + ", not " + output;
        }
        if (Modifier.isStatic(method.getModifiers())) {
            return "is static";
        }
        return null;
    }

    /** Whether the method implements a method of an interface the provider class implements. */
    private static boolean implementsInterface(Class<?> type, Method method) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (declares(i, method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declares(Class<?> iface, Method method) {
        try {
            iface.getMethod(method.getName(), method.getParameterTypes()); // searches super-interfaces too
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
