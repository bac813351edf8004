package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Identity;
import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/**
 * Inline policies of users, groups and roles. Each kind has its own size quota (characters without
 * whitespace, summed over the entity's inline policies): users 2,048, groups 5,120, roles 10,240.
 */
public final class InlinePoliciesProvider extends IamFeature {

    public PutUserPolicyResponse putUserPolicy(CallContext ctx, PutUserPolicyRequest r) {
        put(ctx, account(ctx)::user, r.userName(), r.policyName(), r.policyDocument(), 2048);
        return PutUserPolicyResponse.builder().build();
    }

    public PutGroupPolicyResponse putGroupPolicy(CallContext ctx, PutGroupPolicyRequest r) {
        put(ctx, account(ctx)::group, r.groupName(), r.policyName(), r.policyDocument(), 5120);
        return PutGroupPolicyResponse.builder().build();
    }

    public PutRolePolicyResponse putRolePolicy(CallContext ctx, PutRolePolicyRequest r) {
        put(ctx, account(ctx)::role, r.roleName(), r.policyName(), r.policyDocument(), 10240);
        return PutRolePolicyResponse.builder().build();
    }

    public GetUserPolicyResponse getUserPolicy(CallContext ctx, GetUserPolicyRequest r) {
        String doc = get(ctx, account(ctx)::user, r.userName(), r.policyName());
        return GetUserPolicyResponse.builder().userName(r.userName()).policyName(r.policyName()).policyDocument(doc).build();
    }

    public GetGroupPolicyResponse getGroupPolicy(CallContext ctx, GetGroupPolicyRequest r) {
        String doc = get(ctx, account(ctx)::group, r.groupName(), r.policyName());
        return GetGroupPolicyResponse.builder().groupName(r.groupName()).policyName(r.policyName()).policyDocument(doc).build();
    }

    public GetRolePolicyResponse getRolePolicy(CallContext ctx, GetRolePolicyRequest r) {
        String doc = get(ctx, account(ctx)::role, r.roleName(), r.policyName());
        return GetRolePolicyResponse.builder().roleName(r.roleName()).policyName(r.policyName()).policyDocument(doc).build();
    }

    public ListUserPoliciesResponse listUserPolicies(CallContext ctx, ListUserPoliciesRequest r) {
        Pages.Page<String> page = list(ctx, account(ctx)::user, r.userName(), r.maxItems(), r.marker());
        return ListUserPoliciesResponse.builder().policyNames(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public ListGroupPoliciesResponse listGroupPolicies(CallContext ctx, ListGroupPoliciesRequest r) {
        Pages.Page<String> page = list(ctx, account(ctx)::group, r.groupName(), r.maxItems(), r.marker());
        return ListGroupPoliciesResponse.builder().policyNames(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public ListRolePoliciesResponse listRolePolicies(CallContext ctx, ListRolePoliciesRequest r) {
        Pages.Page<String> page = list(ctx, account(ctx)::role, r.roleName(), r.maxItems(), r.marker());
        return ListRolePoliciesResponse.builder().policyNames(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public DeleteUserPolicyResponse deleteUserPolicy(CallContext ctx, DeleteUserPolicyRequest r) {
        delete(ctx, account(ctx)::user, r.userName(), r.policyName());
        return DeleteUserPolicyResponse.builder().build();
    }

    public DeleteGroupPolicyResponse deleteGroupPolicy(CallContext ctx, DeleteGroupPolicyRequest r) {
        delete(ctx, account(ctx)::group, r.groupName(), r.policyName());
        return DeleteGroupPolicyResponse.builder().build();
    }

    public DeleteRolePolicyResponse deleteRolePolicy(CallContext ctx, DeleteRolePolicyRequest r) {
        delete(ctx, account(ctx)::role, r.roleName(), r.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }

    private void put(CallContext ctx, java.util.function.Function<String, ? extends Identity> lookup, String owner,
                     String policyName, String document, int quota) {
        IdentityPolicies.parse(document, PolicyKind.IDENTITY);
        inAccount(ctx, account -> {
            Identity identity = lookup.apply(owner);
            int size = size(document);
            for (var entry : identity.inlinePolicies.entrySet()) {
                if (!entry.getKey().equals(policyName)) {
                    size += size(entry.getValue());
                }
            }
            if (size > quota) {
                throw IamErrors.quota(capitalized(identity.kind()) + "PolicySize", quota);
            }
            identity.inlinePolicies.put(policyName, document);
            return null;
        });
    }

    private String get(CallContext ctx, java.util.function.Function<String, ? extends Identity> lookup, String owner, String policyName) {
        return inAccount(ctx, account -> {
            Identity identity = lookup.apply(owner);
            String document = identity.inlinePolicies.get(policyName);
            if (document == null) {
                throw IamErrors.noSuchInlinePolicy(identity.kind(), policyName);
            }
            return Shapes.document(document);
        });
    }

    private Pages.Page<String> list(CallContext ctx, java.util.function.Function<String, ? extends Identity> lookup,
                                    String owner, Integer maxItems, String marker) {
        return inAccount(ctx, account -> page(new ArrayList<>(lookup.apply(owner).inlinePolicies.keySet()), n -> n, maxItems, marker));
    }

    private void delete(CallContext ctx, java.util.function.Function<String, ? extends Identity> lookup, String owner, String policyName) {
        inAccount(ctx, account -> {
            Identity identity = lookup.apply(owner);
            if (identity.inlinePolicies.remove(policyName) == null) {
                throw IamErrors.noSuchInlinePolicy(identity.kind(), policyName);
            }
            return null;
        });
    }

    private static int size(String document) {
        return document.replaceAll("\\s", "").length();
    }

    private static String capitalized(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
