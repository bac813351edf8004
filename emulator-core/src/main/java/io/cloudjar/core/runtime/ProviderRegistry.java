package io.cloudjar.core.runtime;

import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.errors.CommonErrors;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.spi.StreamingPayload;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers of each API and, per operation, the typed provider method that implements it. The methods
 * are bound once, at start-up, by {@link ProviderWiring}: a public provider method that names no operation,
 * or two methods for one operation, stop the server before it reports ready. The check runs on its own thread
 * while the providers initialise and the port opens (it loads every provider's SDK classes, about 150 ms), and
 * {@link #awaitWiring()} waits for it.
 */
public final class ProviderRegistry {
    private static final MethodType PLAIN = MethodType.methodType(Object.class, CallContext.class, Object.class);
    private static final MethodType STREAMING =
            MethodType.methodType(Object.class, CallContext.class, Object.class, StreamingPayload.class);

    private final Map<String, List<ServiceProvider>> byApi = new LinkedHashMap<>();
    /** api → operation name → the provider method bound to it at start-up. */
    private final CompletableFuture<Map<String, Map<String, ProviderWiring.Binding>>> bindings;
    /** The bound methods as method handles, typed as {@link #PLAIN} or {@link #STREAMING}; made on first call. */
    private final Map<ProviderWiring.Binding, MethodHandle> handles = new ConcurrentHashMap<>();

    public ProviderRegistry(Collection<ServiceProvider> providers, ModelRegistry models) {
        this(providers, models, null);
    }

    /** @param rules the operations' authorization rules, checked with the wiring (a member no input has stops start-up) */
    public ProviderRegistry(Collection<ServiceProvider> providers, ModelRegistry models, OperationRules rules) {
        for (ServiceProvider provider : providers) {
            byApi.computeIfAbsent(provider.api(), a -> new ArrayList<>()).add(provider);
        }
        this.bindings = CompletableFuture.supplyAsync(() -> {
            Map<String, Map<String, ProviderWiring.Binding>> bound = ProviderWiring.bind(byApi, models);
            if (rules != null) {
                RuleCheck.check(rules, models);
            }
            return bound;
        }, task -> {
            Thread thread = new Thread(task, "cloudjar-wiring");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Waits for the start-up check of the providers' methods.
     *
     * @throws IllegalStateException naming every method that does not fit its API's operations
     */
    public void awaitWiring() {
        wiring();
    }

    private Map<String, Map<String, ProviderWiring.Binding>> wiring() {
        try {
            return bindings.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static MethodHandle handle(ProviderWiring.Binding binding) {
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(binding.method()).bindTo(binding.provider());
            return handle.asType(binding.method().getParameterCount() == 3 ? STREAMING : PLAIN);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Provider method not accessible: " + binding.method(), e);
        }
    }

    public Collection<ServiceProvider> all() {
        List<ServiceProvider> all = new ArrayList<>();
        byApi.values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    public boolean serves(String api) {
        return byApi.containsKey(api);
    }

    /** The operations of an API that some provider implements, by name. */
    public Collection<String> implemented(String api) {
        return Collections.unmodifiableSet(wiring().getOrDefault(api, Map.of()).keySet());
    }

    /**
     * Runs the operation's provider method; an operation no provider implements is a clear error.
     *
     * @param payload the streaming body of an operation such as S3 PutObject; null for others
     */
    public Object invoke(OperationModel op, CallContext ctx, Object input, StreamingPayload payload) throws Throwable {
        ProviderWiring.Binding binding = wiring().getOrDefault(op.api().metadata().api(), Map.of()).get(op.name());
        if (binding == null) {
            throw CommonErrors.notImplemented(op.api().metadata().serviceId(), op.name());
        }
        MethodHandle handle = handles.computeIfAbsent(binding, ProviderRegistry::handle);
        return handle.type().parameterCount() == 3 ? handle.invoke(ctx, input, payload) : handle.invoke(ctx, input);
    }
}
