package io.cloudjar.core.runtime;

import io.cloudjar.core.errors.CommonErrors;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers of each API and, per operation, the typed provider method that implements it, found by
 * the SDK client's method name and signature on first call and cached.
 */
public final class ProviderRegistry {
    private final Map<String, List<ServiceProvider>> byApi = new LinkedHashMap<>();
    private final Map<OperationModel, Optional<MethodHandle>> handlers = new ConcurrentHashMap<>();

    public ProviderRegistry(Collection<ServiceProvider> providers) {
        for (ServiceProvider provider : providers) {
            byApi.computeIfAbsent(provider.api(), a -> new ArrayList<>()).add(provider);
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

    /** Runs the operation's provider method; an operation no provider implements is a clear error. */
    public Object invoke(RequestContext ctx) throws Throwable {
        OperationModel op = ctx.operation();
        MethodHandle handle = handlers.computeIfAbsent(op, this::find)
                .orElseThrow(() -> CommonErrors.notImplemented(op.api().metadata().serviceId(), op.name()));
        return handle.invoke(ctx, ctx.input());
    }

    private Optional<MethodHandle> find(OperationModel op) {
        for (ServiceProvider provider : byApi.getOrDefault(op.api().metadata().api(), List.of())) {
            try {
                Method method = provider.getClass().getMethod(op.methodName(), RequestContext.class, op.inputClass());
                MethodHandle handle = MethodHandles.publicLookup().unreflect(method).bindTo(provider);
                return Optional.of(handle.asType(handle.type().changeParameterType(1, Object.class).changeReturnType(Object.class)));
            } catch (NoSuchMethodException e) {
                // another provider of the same API may implement it
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Provider method not public: " + op.methodName(), e);
            }
        }
        return Optional.empty();
    }
}
