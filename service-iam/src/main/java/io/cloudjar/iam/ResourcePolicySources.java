package io.cloudjar.iam;

import io.cloudjar.iam.policy.MalformedPolicyException;
import io.cloudjar.iam.policy.ParsedPolicies;
import io.cloudjar.iam.policy.PolicyDocument;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySource;
import java.util.List;

/** A service's resource-based policy text as the evaluator takes it, parsed once ({@link ParsedPolicies}). */
final class ResourcePolicySources {
    private ResourcePolicySources() {
    }

    /** The resource's policy and its other grants as one document (either may be missing), or null when neither is. */
    static PolicySource of(String id, String policy, String grants) {
        if (grants == null) {
            return policy == null ? null : parse(id, policy);
        }
        PolicySource extra = parse(id, grants);
        if (policy == null) {
            return extra;
        }
        PolicyDocument doc = parse(id, policy).document();
        List<PolicyDocument.Statement> all = new java.util.ArrayList<>(doc.statements());
        all.addAll(extra.document().statements());
        return new PolicySource(id, "resource", new PolicyDocument(doc.version(), doc.id(), all, doc.text()));
    }

    static PolicySource parse(String id, String text) {
        PolicyDocument doc;
        try {
            doc = ParsedPolicies.parse(text, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            // stored while IAM was not there to check it: it grants and denies nothing
            doc = new PolicyDocument(null, null, List.of(), text);
        }
        return new PolicySource(id, "resource", doc);
    }
}
