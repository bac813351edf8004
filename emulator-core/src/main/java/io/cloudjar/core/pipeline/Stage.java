package io.cloudjar.core.pipeline;

/**
 * One step of the request path. It reads what earlier stages put into the context and fills in its own
 * part; it ends the call early by setting a response or throwing an AWS error.
 */
@FunctionalInterface
public interface Stage {
    void apply(RequestContext ctx) throws Exception;
}
