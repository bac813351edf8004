package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.catalog.AwsManagedPolicies;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.ManagedPolicy;
import io.cloudjar.iam.state.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/**
 * Managed policies: customer managed ones with up to five versions, and the AWS managed catalogue
 * ({@code ListPolicies --scope AWS}), readable and attachable in every account but not changeable.
 */
public final class ManagedPoliciesProvider extends IamFeature {
    static final int POLICY_SIZE = 6144;

    public CreatePolicyResponse createPolicy(CallContext ctx, CreatePolicyRequest request) {
        checkDocument(request.policyDocument());
        return inAccount(ctx, account -> {
            String path = pathOrRoot(request.path());
            ManagedPolicy policy = new ManagedPolicy("arn:aws:iam::" + account.id + ":policy" + path + request.policyName(),
                    Ids.iam("ANPA", 21), request.policyName(), path, request.description(), ctx.receivedAt(), false);
            policy.addVersion(request.policyDocument(), ctx.receivedAt(), true);
            policy.tags.put(tagMap(request.tags()));
            account.addPolicy(policy);
            return CreatePolicyResponse.builder().policy(Shapes.policy(policy, true)).build();
        });
    }

    private static void checkDocument(String document) {
        IdentityPolicies.parse(document, PolicyKind.IDENTITY);
        if (document.replaceAll("\\s", "").length() > POLICY_SIZE) {
            throw IamErrors.quota("PolicySize", POLICY_SIZE);
        }
    }

    public GetPolicyResponse getPolicy(CallContext ctx, GetPolicyRequest request) {
        return inAccount(ctx, account -> GetPolicyResponse.builder()
                .policy(Shapes.policy(IdentityPolicies.existing(account, request.policyArn()), true)).build());
    }

    public ListPoliciesResponse listPolicies(CallContext ctx, ListPoliciesRequest request) {
        PolicyScopeType scope = request.scope() == null ? PolicyScopeType.ALL : request.scope();
        return inAccount(ctx, account -> {
            List<ManagedPolicy> candidates = new ArrayList<>();
            if (scope != PolicyScopeType.AWS) {
                candidates.addAll(account.customerPolicies());
            }
            if (scope != PolicyScopeType.LOCAL) {
                if (Boolean.TRUE.equals(request.onlyAttached())) {
                    candidates.addAll(account.touchedAwsPolicies());
                } else {
                    AwsManagedPolicies.byArn().keySet().forEach(arn -> candidates.add(IdentityPolicies.awsView(account, arn)));
                }
            }
            List<ManagedPolicy> matching = candidates.stream()
                    .filter(p -> !Boolean.TRUE.equals(request.onlyAttached()) || inUse(p, request.policyUsageFilter()))
                    .toList();
            Pages.Page<ManagedPolicy> page = page(matching, p -> p.name.toLowerCase(Locale.ROOT) + "\u0000" + p.arn,
                    p -> p.path, request.pathPrefix(), request.maxItems(), request.marker());
            return ListPoliciesResponse.builder().policies(page.items().stream().map(p -> Shapes.policy(p, false)).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    private static boolean inUse(ManagedPolicy policy, PolicyUsageType usage) {
        if (usage == PolicyUsageType.PERMISSIONS_BOUNDARY) {
            return !policy.boundaryOf.isEmpty();
        }
        if (usage == PolicyUsageType.PERMISSIONS_POLICY) {
            return !policy.attachments.isEmpty();
        }
        return !policy.attachments.isEmpty() || !policy.boundaryOf.isEmpty();
    }

    public DeletePolicyResponse deletePolicy(CallContext ctx, DeletePolicyRequest request) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = customer(account, request.policyArn());
            if (!policy.attachments.isEmpty() || !policy.boundaryOf.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions.size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you must "
                        + "delete the policy's versions. The default version is deleted with the policy.");
            }
            account.removePolicy(policy);
            return DeletePolicyResponse.builder().build();
        });
    }

    public CreatePolicyVersionResponse createPolicyVersion(CallContext ctx, CreatePolicyVersionRequest request) {
        checkDocument(request.policyDocument());
        return inAccount(ctx, account -> {
            ManagedPolicy policy = customer(account, request.policyArn());
            if (policy.versions.size() >= ManagedPolicy.MAX_VERSIONS) {
                throw IamErrors.tooManyPolicyVersions();
            }
            PolicyVersion version = policy.addVersion(request.policyDocument(), ctx.receivedAt(),
                    Boolean.TRUE.equals(request.setAsDefault()));
            return CreatePolicyVersionResponse.builder().policyVersion(Shapes.version(policy, version).toBuilder()
                    .document(null).build()).build();
        });
    }

    public GetPolicyVersionResponse getPolicyVersion(CallContext ctx, GetPolicyVersionRequest request) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = IdentityPolicies.existing(account, request.policyArn());
            return GetPolicyVersionResponse.builder().policyVersion(Shapes.version(policy, version(policy, request.versionId()))).build();
        });
    }

    public ListPolicyVersionsResponse listPolicyVersions(CallContext ctx, ListPolicyVersionsRequest request) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = IdentityPolicies.existing(account, request.policyArn());
            // newest first, as IAM lists them; versions are not paged by name, so page over this order
            List<PolicyVersion> newestFirst = new ArrayList<>(policy.versions.values());
            java.util.Collections.reverse(newestFirst);
            Pages.Page<PolicyVersion> page = Pages.page(newestFirst, v -> String.format("%08d", 99999999 - number(v)),
                    request.maxItems() == null ? DEFAULT_MAX_ITEMS : request.maxItems(), request.marker(), IamErrors::invalidMarker);
            return ListPolicyVersionsResponse.builder()
                    .versions(page.items().stream().map(v -> Shapes.version(policy, v).toBuilder().document(null).build()).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    private static int number(PolicyVersion version) {
        return Integer.parseInt(version.versionId().substring(1));
    }

    public DeletePolicyVersionResponse deletePolicyVersion(CallContext ctx, DeletePolicyVersionRequest request) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = customer(account, request.policyArn());
            version(policy, request.versionId());
            if (request.versionId().equals(policy.defaultVersionId)) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            policy.versions.remove(request.versionId());
            return DeletePolicyVersionResponse.builder().build();
        });
    }

    public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(CallContext ctx, SetDefaultPolicyVersionRequest request) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = customer(account, request.policyArn());
            version(policy, request.versionId());
            policy.defaultVersionId = request.versionId();
            policy.updated = ctx.receivedAt();
            return SetDefaultPolicyVersionResponse.builder().build();
        });
    }

    private static PolicyVersion version(ManagedPolicy policy, String versionId) {
        PolicyVersion version = policy.versions.get(versionId);
        if (version == null) {
            throw IamErrors.noSuchPolicyVersion(policy.arn, versionId);
        }
        return version;
    }

    /** A policy this account may change: AWS managed policies are read-only. */
    static ManagedPolicy customer(IamAccount account, String arn) {
        ManagedPolicy policy = IdentityPolicies.existing(account, arn);
        if (policy.awsManaged) {
            throw IamErrors.accessDenied("Policy %s is an AWS managed policy and cannot be changed.", arn);
        }
        return policy;
    }
}
