package io.cloudjar.iam.policy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as policies see it: the action ({@code s3:GetObject}), the resource ARN (or {@code *}), the
 * caller, and the request context keys ({@code aws:SourceIp}, {@code aws:PrincipalTag/team}, ...), whose
 * names compare regardless of case as in AWS.
 */
public final class RequestFacts {
    private final String action;
    private final String resource;
    private final Caller caller;
    private final Map<String, List<String>> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public RequestFacts(String action, String resource, Caller caller, Map<String, List<String>> context) {
        this.action = action;
        this.resource = resource == null ? "*" : resource;
        this.caller = caller;
        context.forEach((k, v) -> this.context.put(k, List.copyOf(v)));
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public Caller caller() {
        return caller;
    }

    /** The values of a context key, or null when the request does not have it. */
    public List<String> context(String key) {
        return context.get(key);
    }

    public Map<String, List<String>> contextKeys() {
        return java.util.Collections.unmodifiableMap(context);
    }
}
