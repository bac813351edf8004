package io.cloudjar.iam.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.IdentityPolicies;
import io.cloudjar.iam.policy.Caller;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.OidcProvider;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.StsSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * AssumeRoleWithWebIdentity: an OIDC token (a JWT) from a provider registered in the role's account. The
 * issuer must be a registered OpenID Connect provider, the audience one of its client ids; the token's
 * claims become the {@code <provider>:aud}/{@code :sub} condition keys of the trust policy. Signatures are
 * not verified: the emulator holds no provider keys.
 */
public final class WebIdentityProvider extends StsFeature {
    private static final ObjectMapper JSON = new ObjectMapper();

    public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(CallContext ctx, AssumeRoleWithWebIdentityRequest request) {
        AssumeRoleProvider.RoleRef ref = AssumeRoleProvider.RoleRef.parse(request.roleArn());
        JsonNode claims = claims(request.webIdentityToken());
        String issuer = claims.path("iss").asText("");
        String host = issuer.replaceFirst("^https://", "").replaceAll("/+$", "");
        List<String> audiences = new ArrayList<>();
        if (claims.path("aud").isArray()) {
            claims.path("aud").forEach(a -> audiences.add(a.asText()));
        } else if (claims.hasNonNull("aud")) {
            audiences.add(claims.path("aud").asText());
        }
        String subject = claims.path("sub").asText(null);
        if (claims.has("exp") && Instant.ofEpochSecond(claims.path("exp").asLong()).isBefore(ctx.receivedAt())) {
            throw AwsErrors.modeled("ExpiredTokenException", "Token expired: current date/time %s must be before the "
                    + "expiration date/time %s", ctx.receivedAt(), Instant.ofEpochSecond(claims.path("exp").asLong()));
        }
        IamAccount account = state.account(ref.accountId());
        String providerArn = "arn:aws:iam::" + ref.accountId() + ":oidc-provider/" + host;
        OidcProvider provider = account.locked(a -> a.oidcProviders.get(providerArn));
        if (provider == null) {
            throw StsErrors.invalidIdentityToken("No OpenIDConnect provider found in your account for %s", issuer);
        }
        List<String> clientIds = account.locked(a -> List.copyOf(provider.clientIds));
        if (audiences.stream().noneMatch(clientIds::contains)) {
            throw StsErrors.invalidIdentityToken("Incorrect token audience");
        }
        Role role = account.locked(a -> a.findRole(ref.name()));
        if (role == null) {
            throw AwsErrors.of("AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put(host + ":aud", audiences);
        if (subject != null) {
            context.put(host + ":sub", List.of(subject));
        }
        context.put("aws:FederatedProvider", List.of(providerArn));
        context.put("sts:RoleSessionName", List.of(request.roleSessionName()));
        context.put("aws:CurrentTime", List.of(ctx.receivedAt().toString()));
        PolicySource trust = account.locked(a -> new PolicySource(role.arn(), "resource",
                IdentityPolicies.parse(role.trustPolicy, PolicyKind.TRUST)));
        boolean allowed = PolicyEvaluator.evaluate(new PolicySet(List.of(), null, null, trust, ref.accountId(), true),
                new RequestFacts("sts:AssumeRoleWithWebIdentity", role.arn(), Caller.federated(ref.accountId(), providerArn),
                        context)).allowed();
        if (!allowed) {
            throw AwsErrors.of("AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        int duration = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        if (duration > role.maxSessionDuration) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        List<String> sessionPolicies = SessionPolicies.documents(account, request.policy(), request.policyArns());
        Map<String, String> roleTags = account.locked(a -> role.tags.asMap());
        StsSession session = Sessions.issue(state, (key, secret, token) -> Sessions.assumedRole(ref.accountId(), role.name,
                role.id, request.roleSessionName(), roleTags, key, secret, token), role.name, ctx.receivedAt(), duration,
                sessionPolicies, false);
        return AssumeRoleWithWebIdentityResponse.builder().credentials(Sessions.credentials(session))
                .subjectFromWebIdentityToken(subject)
                .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId(session.principal().userId())
                        .arn(session.principal().arn()).build())
                .provider(host).audience(audiences.isEmpty() ? null : audiences.get(0))
                .packedPolicySize(SessionPolicies.packedSize(request.policy(), Map.of())).build();
    }

    /** The JWT's claims; its header and signature are not checked. */
    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw StsErrors.invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                throw new IOException("not an object");
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw StsErrors.invalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }
    }
}
