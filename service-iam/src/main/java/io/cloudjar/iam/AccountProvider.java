package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.ManagedPolicy;
import io.cloudjar.iam.state.PasswordPolicy;
import io.cloudjar.iam.state.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyResponse;

/** Account-wide settings: the password policy, the account alias and the summary of counts and quotas. */
public final class AccountProvider extends IamFeature {

    public UpdateAccountPasswordPolicyResponse updateAccountPasswordPolicy(CallContext ctx, UpdateAccountPasswordPolicyRequest r) {
        return inAccount(ctx, account -> {
            // Members left out take AWS's documented defaults, not the previous policy's values.
            account.passwordPolicy = new PasswordPolicy(r.minimumPasswordLength() == null ? 6 : r.minimumPasswordLength(),
                    Boolean.TRUE.equals(r.requireSymbols()), Boolean.TRUE.equals(r.requireNumbers()),
                    Boolean.TRUE.equals(r.requireUppercaseCharacters()), Boolean.TRUE.equals(r.requireLowercaseCharacters()),
                    Boolean.TRUE.equals(r.allowUsersToChangePassword()),
                    r.maxPasswordAge() == null || r.maxPasswordAge() == 0 ? null : r.maxPasswordAge(),
                    r.passwordReusePrevention(), Boolean.TRUE.equals(r.hardExpiry()));
            return UpdateAccountPasswordPolicyResponse.builder().build();
        });
    }

    public GetAccountPasswordPolicyResponse getAccountPasswordPolicy(CallContext ctx, GetAccountPasswordPolicyRequest r) {
        return inAccount(ctx, account -> {
            PasswordPolicy p = account.passwordPolicy;
            if (p == null) {
                throw IamErrors.noPasswordPolicy(account.id);
            }
            var b = software.amazon.awssdk.services.iam.model.PasswordPolicy.builder()
                    .minimumPasswordLength(p.minimumLength()).requireSymbols(p.requireSymbols())
                    .requireNumbers(p.requireNumbers()).requireUppercaseCharacters(p.requireUppercase())
                    .requireLowercaseCharacters(p.requireLowercase()).allowUsersToChangePassword(p.allowUsersToChange())
                    .expirePasswords(p.maxAge() != null).maxPasswordAge(p.maxAge())
                    .passwordReusePrevention(p.reusePrevention());
            if (p.maxAge() != null) {
                b.hardExpiry(p.hardExpiry());
            }
            return GetAccountPasswordPolicyResponse.builder().passwordPolicy(b.build()).build();
        });
    }

    public DeleteAccountPasswordPolicyResponse deleteAccountPasswordPolicy(CallContext ctx, DeleteAccountPasswordPolicyRequest r) {
        return inAccount(ctx, account -> {
            if (account.passwordPolicy == null) {
                throw IamErrors.noPasswordPolicy(account.id);
            }
            account.passwordPolicy = null;
            return DeleteAccountPasswordPolicyResponse.builder().build();
        });
    }

    /** Aliases are unique across all accounts; an account has at most one, so a new one replaces the old. */
    public CreateAccountAliasResponse createAccountAlias(CallContext ctx, CreateAccountAliasRequest r) {
        synchronized (AccountProvider.class) {
            for (IamAccount other : state.accounts()) {
                if (!other.id.equals(ctx.accountId()) && other.locked(a -> a.aliases.contains(r.accountAlias()))) {
                    throw IamErrors.exists("The account alias %s already exists.", r.accountAlias());
                }
            }
            return inAccount(ctx, account -> {
                account.aliases.clear();
                account.aliases.add(r.accountAlias());
                return CreateAccountAliasResponse.builder().build();
            });
        }
    }

    public DeleteAccountAliasResponse deleteAccountAlias(CallContext ctx, DeleteAccountAliasRequest r) {
        return inAccount(ctx, account -> {
            if (!account.aliases.remove(r.accountAlias())) {
                throw IamErrors.noSuchEntity("The account alias %s cannot be found.", r.accountAlias());
            }
            return DeleteAccountAliasResponse.builder().build();
        });
    }

    public ListAccountAliasesResponse listAccountAliases(CallContext ctx, ListAccountAliasesRequest r) {
        return inAccount(ctx, account -> ListAccountAliasesResponse.builder().accountAliases(List.copyOf(account.aliases))
                .isTruncated(false).build());
    }

    /** Real counts of this account's entities next to IAM's default quotas. */
    public GetAccountSummaryResponse getAccountSummary(CallContext ctx, GetAccountSummaryRequest r) {
        return inAccount(ctx, account -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            List<User> users = List.copyOf(account.users());
            long policyVersionsInUse = account.customerPolicies().stream().filter(p -> !p.attachments.isEmpty())
                    .mapToLong(p -> p.versions.size()).sum();
            m.put("Users", users.size());
            m.put("UsersQuota", 5000);
            m.put("Groups", account.groups().size());
            m.put("GroupsQuota", 300);
            m.put("GroupsPerUserQuota", GroupsProvider.GROUPS_PER_USER);
            m.put("Roles", account.roles().size());
            m.put("RolesQuota", 1000);
            m.put("InstanceProfiles", account.instanceProfiles().size());
            m.put("InstanceProfilesQuota", 1000);
            m.put("Policies", account.customerPolicies().size());
            m.put("PoliciesQuota", 1500);
            m.put("PolicySizeQuota", ManagedPoliciesProvider.POLICY_SIZE);
            m.put("PolicyVersionsInUse", (int) policyVersionsInUse);
            m.put("PolicyVersionsInUseQuota", 10000);
            m.put("VersionsPerPolicyQuota", ManagedPolicy.MAX_VERSIONS);
            m.put("AttachedPoliciesPerUserQuota", PolicyAttachmentsProvider.ATTACHED_PER_ENTITY);
            m.put("AttachedPoliciesPerGroupQuota", PolicyAttachmentsProvider.ATTACHED_PER_ENTITY);
            m.put("AttachedPoliciesPerRoleQuota", PolicyAttachmentsProvider.ATTACHED_PER_ENTITY);
            m.put("UserPolicySizeQuota", 2048);
            m.put("GroupPolicySizeQuota", 5120);
            m.put("RolePolicySizeQuota", 10240);
            m.put("AssumeRolePolicySizeQuota", RolesProvider.TRUST_POLICY_SIZE);
            m.put("AccessKeysPerUserQuota", AccessKeysProvider.KEYS_PER_USER);
            m.put("SigningCertificatesPerUserQuota", 2);
            m.put("ServerCertificates", 0);
            m.put("ServerCertificatesQuota", 20);
            m.put("MFADevices", account.mfaDevices.size());
            m.put("MFADevicesInUse", (int) account.mfaDevices.values().stream().filter(d -> d.user != null).count());
            m.put("Providers", account.oidcProviders.size() + account.samlProviders.size());
            m.put("AccountMFAEnabled", 0);
            m.put("AccountAccessKeysPresent", 0);
            m.put("AccountSigningCertificatesPresent", 0);
            m.put("GlobalEndpointTokenVersion", 1);
            return GetAccountSummaryResponse.builder().summaryMapWithStrings(m.entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)))
                    .build();
        });
    }
}
