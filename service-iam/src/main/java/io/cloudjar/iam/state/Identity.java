package io.cloudjar.iam.state;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What users, groups and roles share: a unique id, a name and path (users and groups can be renamed), inline
 * policies, attached managed policies and tags. Mutable; guarded by the owning {@link IamAccount}'s lock.
 */
// in the state file each user, group and role is written once, and referred to by id wherever else it appears
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(User.class), @JsonSubTypes.Type(Group.class), @JsonSubTypes.Type(Role.class)})
@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "id", scope = Identity.class)
public abstract class Identity {
    public final String accountId;
    public final String id;
    public final Instant created;
    public String name;
    public String path;
    /** Inline policy name → document exactly as submitted (AWS returns the text it was given). */
    public final Map<String, String> inlinePolicies = new TreeMap<>();
    /** Attached managed policies by ARN, in attachment order. */
    public final Map<String, ManagedPolicy> attached = new LinkedHashMap<>();
    public final Tags tags = new Tags();
    /** ARN of the managed policy used as permissions boundary (users and roles), or null. */
    public String permissionsBoundary;

    protected Identity(String accountId, String id, String name, String path, Instant created) {
        this.accountId = accountId;
        this.id = id;
        this.name = name;
        this.path = path;
        this.created = created;
    }

    /** {@code user}, {@code group} or {@code role}, as in the ARN. */
    public abstract String kind();

    public String arn() {
        return "arn:aws:iam::" + accountId + ":" + kind() + path + name;
    }
}
