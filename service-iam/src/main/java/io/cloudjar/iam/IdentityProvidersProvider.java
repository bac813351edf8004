package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.OidcProvider;
import io.cloudjar.iam.state.SamlProvider;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintRequest;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintResponse;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderResponse;

/** OpenID Connect and SAML identity providers, as Terraform and web-identity federation use them. */
public final class IdentityProvidersProvider extends IamFeature {
    private static final Pattern VALID_UNTIL = Pattern.compile("validUntil=\"([^\"]+)\"");

    public CreateOpenIdConnectProviderResponse createOpenIDConnectProvider(CallContext ctx, CreateOpenIdConnectProviderRequest r) {
        if (!r.url().startsWith("https://") || r.url().length() <= "https://".length()) {
            throw IamErrors.validation("Invalid Open ID Connect Provider URL");
        }
        String host = r.url().substring("https://".length()).replaceAll("/+$", "");
        return inAccount(ctx, account -> {
            String arn = "arn:aws:iam::" + account.id + ":oidc-provider/" + host;
            if (account.oidcProviders.containsKey(arn)) {
                throw IamErrors.exists("Provider with url %s already exists.", r.url());
            }
            OidcProvider provider = new OidcProvider(arn, host, ctx.receivedAt());
            r.clientIDList().stream().distinct().forEach(provider.clientIds::add);
            provider.thumbprints.addAll(r.thumbprintList());
            provider.tags.put(tagMap(r.tags()));
            account.oidcProviders.put(arn, provider);
            var b = CreateOpenIdConnectProviderResponse.builder().openIDConnectProviderArn(arn);
            if (!provider.tags.isEmpty()) {
                b.tags(Shapes.tags(provider.tags));
            }
            return b.build();
        });
    }

    public GetOpenIdConnectProviderResponse getOpenIDConnectProvider(CallContext ctx, GetOpenIdConnectProviderRequest r) {
        return inAccount(ctx, account -> {
            OidcProvider p = oidc(account, r.openIDConnectProviderArn());
            var b = GetOpenIdConnectProviderResponse.builder().url(p.url).clientIDList(p.clientIds)
                    .thumbprintList(p.thumbprints).createDate(p.created);
            if (!p.tags.isEmpty()) {
                b.tags(Shapes.tags(p.tags));
            }
            return b.build();
        });
    }

    public ListOpenIdConnectProvidersResponse listOpenIDConnectProviders(CallContext ctx, ListOpenIdConnectProvidersRequest r) {
        return inAccount(ctx, account -> ListOpenIdConnectProvidersResponse.builder().openIDConnectProviderList(
                account.oidcProviders.keySet().stream().map(arn -> OpenIDConnectProviderListEntry.builder().arn(arn).build())
                        .toList()).build());
    }

    public DeleteOpenIdConnectProviderResponse deleteOpenIDConnectProvider(CallContext ctx, DeleteOpenIdConnectProviderRequest r) {
        return inAccount(ctx, account -> {
            oidc(account, r.openIDConnectProviderArn());
            account.oidcProviders.remove(r.openIDConnectProviderArn());
            return DeleteOpenIdConnectProviderResponse.builder().build();
        });
    }

    public AddClientIdToOpenIdConnectProviderResponse addClientIDToOpenIDConnectProvider(CallContext ctx,
                                                                                          AddClientIdToOpenIdConnectProviderRequest r) {
        return inAccount(ctx, account -> {
            OidcProvider p = oidc(account, r.openIDConnectProviderArn());
            if (!p.clientIds.contains(r.clientID())) {
                p.clientIds.add(r.clientID());
            }
            return AddClientIdToOpenIdConnectProviderResponse.builder().build();
        });
    }

    public RemoveClientIdFromOpenIdConnectProviderResponse removeClientIDFromOpenIDConnectProvider(CallContext ctx,
                                                                                                    RemoveClientIdFromOpenIdConnectProviderRequest r) {
        return inAccount(ctx, account -> {
            oidc(account, r.openIDConnectProviderArn()).clientIds.remove(r.clientID());
            return RemoveClientIdFromOpenIdConnectProviderResponse.builder().build();
        });
    }

    public UpdateOpenIdConnectProviderThumbprintResponse updateOpenIDConnectProviderThumbprint(CallContext ctx,
                                                                                                UpdateOpenIdConnectProviderThumbprintRequest r) {
        return inAccount(ctx, account -> {
            OidcProvider p = oidc(account, r.openIDConnectProviderArn());
            p.thumbprints.clear();
            p.thumbprints.addAll(r.thumbprintList());
            return UpdateOpenIdConnectProviderThumbprintResponse.builder().build();
        });
    }

    public CreateSamlProviderResponse createSAMLProvider(CallContext ctx, CreateSamlProviderRequest r) {
        return inAccount(ctx, account -> {
            String arn = "arn:aws:iam::" + account.id + ":saml-provider/" + r.name();
            if (account.samlProviders.containsKey(arn)) {
                throw IamErrors.exists("SAMLProvider %s already exists.", r.name());
            }
            SamlProvider p = new SamlProvider(arn, r.name(), "p-" + UUID.randomUUID(), r.samlMetadataDocument(),
                    ctx.receivedAt(), validUntil(r.samlMetadataDocument()));
            p.tags.put(tagMap(r.tags()));
            account.samlProviders.put(arn, p);
            var b = CreateSamlProviderResponse.builder().samlProviderArn(arn);
            if (!p.tags.isEmpty()) {
                b.tags(Shapes.tags(p.tags));
            }
            return b.build();
        });
    }

    /** The metadata's {@code validUntil} attribute, if it has a readable one. */
    private static Instant validUntil(String metadata) {
        Matcher m = VALID_UNTIL.matcher(metadata);
        if (m.find()) {
            try {
                return Instant.parse(m.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    public GetSamlProviderResponse getSAMLProvider(CallContext ctx, GetSamlProviderRequest r) {
        return inAccount(ctx, account -> {
            SamlProvider p = saml(account, r.samlProviderArn());
            var b = GetSamlProviderResponse.builder().samlMetadataDocument(p.metadata).createDate(p.created)
                    .validUntil(p.validUntil).samlProviderUUID(p.providerId);
            if (!p.tags.isEmpty()) {
                b.tags(Shapes.tags(p.tags));
            }
            return b.build();
        });
    }

    public ListSamlProvidersResponse listSAMLProviders(CallContext ctx, ListSamlProvidersRequest r) {
        return inAccount(ctx, account -> ListSamlProvidersResponse.builder().samlProviderList(account.samlProviders.values()
                .stream().map(p -> SAMLProviderListEntry.builder().arn(p.arn).createDate(p.created).validUntil(p.validUntil)
                        .build()).toList()).build());
    }

    public UpdateSamlProviderResponse updateSAMLProvider(CallContext ctx, UpdateSamlProviderRequest r) {
        return inAccount(ctx, account -> {
            SamlProvider p = saml(account, r.samlProviderArn());
            if (r.samlMetadataDocument() != null) {
                p.metadata = r.samlMetadataDocument();
                p.validUntil = validUntil(p.metadata);
            }
            return UpdateSamlProviderResponse.builder().samlProviderArn(p.arn).build();
        });
    }

    public DeleteSamlProviderResponse deleteSAMLProvider(CallContext ctx, DeleteSamlProviderRequest r) {
        return inAccount(ctx, account -> {
            saml(account, r.samlProviderArn());
            account.samlProviders.remove(r.samlProviderArn());
            return DeleteSamlProviderResponse.builder().build();
        });
    }

    static OidcProvider oidc(IamAccount account, String arn) {
        OidcProvider p = account.oidcProviders.get(arn);
        if (p == null) {
            throw IamErrors.noSuchOidcProvider(arn);
        }
        return p;
    }

    static SamlProvider saml(IamAccount account, String arn) {
        SamlProvider p = account.samlProviders.get(arn);
        if (p == null) {
            throw IamErrors.noSuchSamlProvider(arn);
        }
        return p;
    }
}
