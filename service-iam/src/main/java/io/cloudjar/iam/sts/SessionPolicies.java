package io.cloudjar.iam.sts;

import io.cloudjar.iam.IdentityPolicies;
import io.cloudjar.iam.policy.MalformedPolicyException;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicyParser;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.ManagedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * Session policies passed to AssumeRole and friends: an inline {@code Policy} and managed {@code PolicyArns},
 * which limit the session to what both they and the role allow. Also computes PackedPolicySize.
 */
final class SessionPolicies {
    /** The packed size limit for inline session policy plus tags, in characters. */
    static final int PACKED_LIMIT = 2048;

    private SessionPolicies() {
    }

    /** The documents of the session policies, validated; empty when none were passed. */
    static List<String> documents(IamAccount account, String inline, List<PolicyDescriptorType> arns) {
        List<String> docs = new ArrayList<>();
        if (inline != null) {
            try {
                PolicyParser.parse(inline, PolicyKind.IDENTITY);
            } catch (MalformedPolicyException e) {
                throw StsErrors.malformedPolicy(e.getMessage());
            }
            docs.add(inline);
        }
        for (PolicyDescriptorType arn : arns) {
            ManagedPolicy policy = account.locked(a -> IdentityPolicies.find(a, arn.arn()));
            if (policy == null) {
                throw StsErrors.validation("Policy %s does not exist or is not attachable.", arn.arn());
            }
            docs.add(account.locked(a -> policy.defaultVersion().document()));
        }
        return docs;
    }

    /** PackedPolicySize: the percentage of the packed limit that the inline policy and session tags use. */
    static Integer packedSize(String inline, Map<String, String> tags) {
        if (inline == null && tags.isEmpty()) {
            return null;
        }
        int size = inline == null ? 0 : inline.replaceAll("\\s", "").length();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            size += tag.getKey().length() + tag.getValue().length();
        }
        int percent = (int) Math.ceil(size * 100.0 / PACKED_LIMIT);
        if (percent > 100) {
            throw StsErrors.packedPolicyTooLarge();
        }
        return percent;
    }
}
