package io.cloudjar.iam;

import io.cloudjar.iam.catalog.AwsManagedPolicies;
import io.cloudjar.iam.policy.MalformedPolicyException;
import io.cloudjar.iam.policy.PolicyDocument;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.ParsedPolicies;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.state.Group;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Identity;
import io.cloudjar.iam.state.ManagedPolicy;
import io.cloudjar.iam.state.PolicyVersion;
import io.cloudjar.iam.state.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Policies as IAM's providers and STS need them: documents validated into {@link PolicyDocument}s (with IAM's
 * MalformedPolicyDocument errors), managed policies found by ARN (this account's or AWS's catalogue), and the
 * identity-based policies that apply to a user (its own and its groups') or a role. Callers hold the lock.
 */
public final class IdentityPolicies {
    private IdentityPolicies() {
    }

    public static PolicyDocument parse(String text, PolicyKind kind) {
        try {
            return ParsedPolicies.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicy(e.getMessage());
        }
    }

    /** A managed policy by ARN, or null: this account's customer policy, or an AWS managed one. */
    public static ManagedPolicy find(IamAccount account, String arn) {
        if (arn.startsWith(AwsManagedPolicies.ARN_PREFIX + "/")) {
            return account.awsPolicy(arn, IdentityPolicies::fromCatalogue);
        }
        return account.customerPolicy(arn);
    }

    /** For Attach*Policy and boundaries: the policy, or NoSuchEntity "does not exist or is not attachable". */
    public static ManagedPolicy attachable(IamAccount account, String arn) {
        checkArn(arn);
        ManagedPolicy policy = find(account, arn);
        if (policy == null) {
            throw IamErrors.policyNotAttachable(arn);
        }
        return policy;
    }

    /** For GetPolicy and friends: the policy, or NoSuchEntity "was not found". */
    public static ManagedPolicy existing(IamAccount account, String arn) {
        checkArn(arn);
        ManagedPolicy policy = find(account, arn);
        if (policy == null) {
            throw IamErrors.noSuchPolicy(arn);
        }
        return policy;
    }

    static void checkArn(String arn) {
        if (!arn.startsWith("arn:aws:iam::") || arn.split(":", 6).length != 6) {
            throw IamErrors.invalidArn(arn);
        }
    }

    /** An AWS managed policy as this account sees it, without recording it (for listings of the catalogue). */
    public static ManagedPolicy awsView(IamAccount account, String arn) {
        ManagedPolicy touched = account.touchedAwsPolicy(arn);
        return touched != null ? touched : fromCatalogue(arn);
    }

    private static ManagedPolicy fromCatalogue(String arn) {
        AwsManagedPolicies.Entry entry = AwsManagedPolicies.get(arn);
        if (entry == null) {
            return null;
        }
        ManagedPolicy policy = new ManagedPolicy(arn, entry.id(), entry.name(), entry.path(), null, entry.created(), true);
        policy.versions.put(entry.defaultVersionId(), new PolicyVersion(entry.defaultVersionId(), entry.document(), entry.updated()));
        policy.defaultVersionId = entry.defaultVersionId();
        policy.updated = entry.updated();
        return policy;
    }

    /** The identity-based policies of a user, its groups or a role, named as the simulator names them. */
    public static List<PolicySource> of(Identity identity) {
        List<PolicySource> sources = new ArrayList<>();
        add(sources, identity);
        if (identity instanceof User user) {
            for (Group group : user.groups) {
                add(sources, group);
            }
        }
        return sources;
    }

    private static void add(List<PolicySource> sources, Identity identity) {
        identity.inlinePolicies.forEach((name, text) ->
                sources.add(new PolicySource(name, identity.kind(), ParsedPolicies.parse(text, PolicyKind.IDENTITY))));
        for (ManagedPolicy policy : identity.attached.values()) {
            sources.add(managed(policy));
        }
    }

    public static PolicySource managed(ManagedPolicy policy) {
        return new PolicySource(policy.arn, policy.awsManaged ? "aws-managed" : "user-managed",
                ParsedPolicies.parse(policy.defaultVersion().document(), PolicyKind.IDENTITY));
    }

    /** The permissions boundary of a user or role as policies, or null when it has none. */
    public static List<PolicySource> boundary(IamAccount account, Identity identity) {
        if (identity.permissionsBoundary == null) {
            return null;
        }
        ManagedPolicy policy = find(account, identity.permissionsBoundary);
        return policy == null ? List.of() : List.of(managed(policy));
    }
}
