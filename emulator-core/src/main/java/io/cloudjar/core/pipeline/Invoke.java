package io.cloudjar.core.pipeline;

import io.cloudjar.core.runtime.EmulatorRuntime;

/** Calls the provider's typed method for the operation. */
final class Invoke implements Stage {
    private final EmulatorRuntime runtime;

    Invoke(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void apply(RequestContext ctx) throws Exception {
        try {
            ctx.output(runtime.providers().invoke(ctx.operation(), ctx, ctx.input(), ctx.payload()));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
