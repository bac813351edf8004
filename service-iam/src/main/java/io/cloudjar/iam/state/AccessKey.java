package io.cloudjar.iam.state;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;

import java.time.Instant;

/**
 * A user's long-term access key. Status and last use are read on every signed call without the account
 * lock, so they are volatile.
 */
@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "id", scope = AccessKey.class)
public final class AccessKey {
    public final String id;
    public final String secret;
    public final User user;
    public final Instant created;
    public volatile boolean active = true;
    public volatile LastUse lastUse;

    public AccessKey(String id, String secret, User user, Instant created) {
        this.id = id;
        this.secret = secret;
        this.user = user;
        this.created = created;
    }

    /** When and where the key last signed a call. */
    public record LastUse(Instant at, String service, String region) {
    }
}
