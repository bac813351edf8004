package io.cloudjar.iam.state;

import java.time.Instant;

/** A SAML 2.0 identity provider. */
public final class SamlProvider {
    public final String arn;
    public final String name;
    public final Instant created;
    public final String providerId;
    public String metadata;
    public Instant validUntil;
    public final Tags tags = new Tags();

    public SamlProvider(String arn, String name, String providerId, String metadata, Instant created, Instant validUntil) {
        this.arn = arn;
        this.name = name;
        this.providerId = providerId;
        this.metadata = metadata;
        this.created = created;
        this.validUntil = validUntil;
    }
}
