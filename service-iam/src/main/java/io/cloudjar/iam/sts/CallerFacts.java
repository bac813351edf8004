package io.cloudjar.iam.sts;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.PrincipalPolicies;
import io.cloudjar.iam.policy.Caller;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.state.IamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The caller of an STS call as policies see it: its policies and the global condition keys of the call. */
record CallerFacts(Caller caller, List<PolicySource> identity, List<PolicySource> boundary,
                   List<PolicySource> session, Map<String, List<String>> context) {

    static CallerFacts of(IamState state, CallContext ctx) {
        PrincipalPolicies p = PrincipalPolicies.of(state, ctx.principal());
        return new CallerFacts(p.caller(), p.identity(), p.boundary(), p.session(), context(ctx, p));
    }

    /** The global condition keys of this call, as AWS puts them in the request context, and the session's. */
    static Map<String, List<String>> context(CallContext ctx, PrincipalPolicies policies) {
        Map<String, List<String>> keys = new LinkedHashMap<>(ctx.conditionKeys());
        policies.putSessionKeys(keys, ctx.receivedAt());
        return keys;
    }
}
