package io.cloudjar.core.pipeline;

import io.cloudjar.core.runtime.CallsInFlight;
import io.cloudjar.core.runtime.EmulatorRuntime;

/**
 * Calls the provider's typed method for the operation, counted as a call in flight: state a reset discards is
 * removed only after the calls that may still use it have returned (a streamed reply's file is open by then).
 * With persistence, what the call changed is committed before the answer goes out: acknowledged means on disk.
 */
final class Invoke implements Stage {
    private final EmulatorRuntime runtime;

    Invoke(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void apply(RequestContext ctx) throws Exception {
        try (CallsInFlight.Call counted = runtime.callsInFlight().enter()) {
            ctx.output(runtime.providers().invoke(ctx.operation(), ctx, ctx.input(), ctx.payload()));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            // a refused call may have changed state before it failed
            runtime.persistence().commitAfterCall(ctx.operation().api().metadata().api());
        }
    }
}
