package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDeviceTagsRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDeviceTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.TagMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.TagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.UntagMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;

/**
 * Tags on users, roles, customer managed policies, instance profiles, MFA devices and identity providers:
 * at most 50 per resource, keys unique regardless of case, listed in the order they were added.
 */
public final class TagsProvider extends IamFeature {

    public TagUserResponse tagUser(CallContext ctx, TagUserRequest r) {
        tag(ctx, a -> {
            String id = r.userName();
            return a.user(id).tags;
        }, tagMap(r.tags()));
        return TagUserResponse.builder().build();
    }

    public UntagUserResponse untagUser(CallContext ctx, UntagUserRequest r) {
        untag(ctx, a -> {
            String id = r.userName();
            return a.user(id).tags;
        }, r.tagKeys());
        return UntagUserResponse.builder().build();
    }

    public ListUserTagsResponse listUserTags(CallContext ctx, ListUserTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.userName();
            return a.user(id).tags;
        }, r.maxItems(), r.marker());
        return ListUserTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagRoleResponse tagRole(CallContext ctx, TagRoleRequest r) {
        tag(ctx, a -> {
            String id = r.roleName();
            return a.role(id).tags;
        }, tagMap(r.tags()));
        return TagRoleResponse.builder().build();
    }

    public UntagRoleResponse untagRole(CallContext ctx, UntagRoleRequest r) {
        untag(ctx, a -> {
            String id = r.roleName();
            return a.role(id).tags;
        }, r.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    public ListRoleTagsResponse listRoleTags(CallContext ctx, ListRoleTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.roleName();
            return a.role(id).tags;
        }, r.maxItems(), r.marker());
        return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagPolicyResponse tagPolicy(CallContext ctx, TagPolicyRequest r) {
        tag(ctx, a -> {
            String id = r.policyArn();
            return ManagedPoliciesProvider.customer(a, id).tags;
        }, tagMap(r.tags()));
        return TagPolicyResponse.builder().build();
    }

    public UntagPolicyResponse untagPolicy(CallContext ctx, UntagPolicyRequest r) {
        untag(ctx, a -> {
            String id = r.policyArn();
            return ManagedPoliciesProvider.customer(a, id).tags;
        }, r.tagKeys());
        return UntagPolicyResponse.builder().build();
    }

    public ListPolicyTagsResponse listPolicyTags(CallContext ctx, ListPolicyTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.policyArn();
            return ManagedPoliciesProvider.customer(a, id).tags;
        }, r.maxItems(), r.marker());
        return ListPolicyTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagInstanceProfileResponse tagInstanceProfile(CallContext ctx, TagInstanceProfileRequest r) {
        tag(ctx, a -> {
            String id = r.instanceProfileName();
            return a.instanceProfile(id).tags;
        }, tagMap(r.tags()));
        return TagInstanceProfileResponse.builder().build();
    }

    public UntagInstanceProfileResponse untagInstanceProfile(CallContext ctx, UntagInstanceProfileRequest r) {
        untag(ctx, a -> {
            String id = r.instanceProfileName();
            return a.instanceProfile(id).tags;
        }, r.tagKeys());
        return UntagInstanceProfileResponse.builder().build();
    }

    public ListInstanceProfileTagsResponse listInstanceProfileTags(CallContext ctx, ListInstanceProfileTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.instanceProfileName();
            return a.instanceProfile(id).tags;
        }, r.maxItems(), r.marker());
        return ListInstanceProfileTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagMfaDeviceResponse tagMFADevice(CallContext ctx, TagMfaDeviceRequest r) {
        tag(ctx, a -> {
            String id = r.serialNumber();
            return MfaProvider.device(a, id).tags;
        }, tagMap(r.tags()));
        return TagMfaDeviceResponse.builder().build();
    }

    public UntagMfaDeviceResponse untagMFADevice(CallContext ctx, UntagMfaDeviceRequest r) {
        untag(ctx, a -> {
            String id = r.serialNumber();
            return MfaProvider.device(a, id).tags;
        }, r.tagKeys());
        return UntagMfaDeviceResponse.builder().build();
    }

    public ListMfaDeviceTagsResponse listMFADeviceTags(CallContext ctx, ListMfaDeviceTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.serialNumber();
            return MfaProvider.device(a, id).tags;
        }, r.maxItems(), r.marker());
        return ListMfaDeviceTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagOpenIdConnectProviderResponse tagOpenIDConnectProvider(CallContext ctx, TagOpenIdConnectProviderRequest r) {
        tag(ctx, a -> {
            String id = r.openIDConnectProviderArn();
            return IdentityProvidersProvider.oidc(a, id).tags;
        }, tagMap(r.tags()));
        return TagOpenIdConnectProviderResponse.builder().build();
    }

    public UntagOpenIdConnectProviderResponse untagOpenIDConnectProvider(CallContext ctx, UntagOpenIdConnectProviderRequest r) {
        untag(ctx, a -> {
            String id = r.openIDConnectProviderArn();
            return IdentityProvidersProvider.oidc(a, id).tags;
        }, r.tagKeys());
        return UntagOpenIdConnectProviderResponse.builder().build();
    }

    public ListOpenIdConnectProviderTagsResponse listOpenIDConnectProviderTags(CallContext ctx, ListOpenIdConnectProviderTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.openIDConnectProviderArn();
            return IdentityProvidersProvider.oidc(a, id).tags;
        }, r.maxItems(), r.marker());
        return ListOpenIdConnectProviderTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    public TagSamlProviderResponse tagSAMLProvider(CallContext ctx, TagSamlProviderRequest r) {
        tag(ctx, a -> {
            String id = r.samlProviderArn();
            return IdentityProvidersProvider.saml(a, id).tags;
        }, tagMap(r.tags()));
        return TagSamlProviderResponse.builder().build();
    }

    public UntagSamlProviderResponse untagSAMLProvider(CallContext ctx, UntagSamlProviderRequest r) {
        untag(ctx, a -> {
            String id = r.samlProviderArn();
            return IdentityProvidersProvider.saml(a, id).tags;
        }, r.tagKeys());
        return UntagSamlProviderResponse.builder().build();
    }

    public ListSamlProviderTagsResponse listSAMLProviderTags(CallContext ctx, ListSamlProviderTagsRequest r) {
        Pages.Page<Tag> page = list(ctx, a -> {
            String id = r.samlProviderArn();
            return IdentityProvidersProvider.saml(a, id).tags;
        }, r.maxItems(), r.marker());
        return ListSamlProviderTagsResponse.builder().tags(page.items()).isTruncated(page.nextToken() != null)
                .marker(page.nextToken()).build();
    }

    private void tag(CallContext ctx, Function<IamAccount, Tags> target, Map<String, String> tags) {
        inAccount(ctx, a -> {
            target.apply(a).put(tags);
            return null;
        });
    }

    private void untag(CallContext ctx, Function<IamAccount, Tags> target, List<String> keys) {
        inAccount(ctx, a -> {
            target.apply(a).remove(keys);
            return null;
        });
    }

    private Pages.Page<Tag> list(CallContext ctx, Function<IamAccount, Tags> target, Integer maxItems, String marker) {
        List<Tag> tags = inAccount(ctx, a -> Shapes.tags(target.apply(a)));
        // Tags keep their insertion order; the page token is the position reached.
        int start = 0;
        if (marker != null) {
            try {
                start = Integer.parseInt(Pages.decode(marker, io.cloudjar.iam.state.IamErrors::invalidMarker));
            } catch (NumberFormatException e) {
                throw io.cloudjar.iam.state.IamErrors.invalidMarker(marker);
            }
        }
        int limit = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        int end = Math.min(tags.size(), start + limit);
        String next = end < tags.size() ? Pages.encode(Integer.toString(end)) : null;
        return new Pages.Page<>(tags.subList(Math.min(start, tags.size()), end), next);
    }
}
