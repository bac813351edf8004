package io.cloudjar.core.auth;

/**
 * Decides whether a principal may call an action on resources. Asked for every call, after the request
 * is parsed; IAM supplies the policy evaluator, and without it every call is allowed.
 */
@FunctionalInterface
public interface Authorizer {
    Decision authorize(AuthorizationRequest request);

    Authorizer ALLOW_ALL = request -> Decision.allow("no authorizer installed: every call is allowed");
}
