package io.cloudjar.iam.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An OpenID Connect identity provider (for AssumeRoleWithWebIdentity). */
public final class OidcProvider {
    public final String arn;
    public final String url;
    public final Instant created;
    public final List<String> clientIds = new ArrayList<>();
    public final List<String> thumbprints = new ArrayList<>();
    public final Tags tags = new Tags();

    public OidcProvider(String arn, String url, Instant created) {
        this.arn = arn;
        this.url = url;
        this.created = created;
    }
}
