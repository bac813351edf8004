package io.cloudjar.iam.state;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A managed policy as one account sees it: a customer managed policy, or an AWS managed one whose versions
 * come from the catalogue while its attachments are this account's own.
 */
@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "arn", scope = ManagedPolicy.class)
public final class ManagedPolicy {
    public static final int MAX_VERSIONS = 5;

    public final String arn;
    public final String id;
    public final String name;
    public final String path;
    public final String description;
    public final Instant created;
    public final boolean awsManaged;
    public Instant updated;
    public final Map<String, PolicyVersion> versions = new LinkedHashMap<>();
    public String defaultVersionId;
    public int nextVersion = 1;
    public final Set<Identity> attachments = new LinkedHashSet<>();
    public final Set<Identity> boundaryOf = new LinkedHashSet<>();
    public final Tags tags = new Tags();

    public ManagedPolicy(String arn, String id, String name, String path, String description, Instant created,
                         boolean awsManaged) {
        this.arn = arn;
        this.id = id;
        this.name = name;
        this.path = path;
        this.description = description;
        this.created = created;
        this.updated = created;
        this.awsManaged = awsManaged;
    }

    public PolicyVersion defaultVersion() {
        return versions.get(defaultVersionId);
    }

    /** Adds the next version ({@code vN}); the caller checks the five-version limit. */
    public PolicyVersion addVersion(String document, Instant at, boolean makeDefault) {
        PolicyVersion version = new PolicyVersion("v" + nextVersion++, document, at);
        versions.put(version.versionId(), version);
        if (makeDefault || defaultVersionId == null) {
            defaultVersionId = version.versionId();
        }
        updated = at;
        return version;
    }
}
