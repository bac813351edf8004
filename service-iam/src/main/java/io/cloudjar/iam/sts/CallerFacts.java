package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.pipeline.RequestContext;
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

    static CallerFacts of(IamState state, RequestContext ctx) {
        PrincipalPolicies p = PrincipalPolicies.of(state, ctx.principal());
        return new CallerFacts(p.caller(), p.identity(), p.boundary(), p.session(), context(ctx, p));
    }

    /** The global condition keys of this call, as AWS puts them in the request context. */
    static Map<String, List<String>> context(RequestContext ctx, PrincipalPolicies policies) {
        Principal p = ctx.principal();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:CurrentTime", List.of(ctx.receivedAt().toString()));
        keys.put("aws:EpochTime", List.of(Long.toString(ctx.receivedAt().getEpochSecond())));
        keys.put("aws:SecureTransport", List.of("false"));
        keys.put("aws:RequestedRegion", List.of(ctx.region()));
        if (ctx.request().remoteAddress() != null) {
            keys.put("aws:SourceIp", List.of(ctx.request().remoteAddress().getAddress().getHostAddress()));
        }
        if (!p.isAnonymous()) {
            keys.put("aws:PrincipalArn", List.of(p.arn()));
            keys.put("aws:PrincipalAccount", List.of(p.accountId()));
            keys.put("aws:userid", List.of(p.userId()));
            if (p.type() == Principal.Type.USER) {
                keys.put("aws:username", List.of(p.name()));
            }
            p.tags().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
        }
        policies.putSessionKeys(keys, ctx.receivedAt());
        return keys;
    }
}
