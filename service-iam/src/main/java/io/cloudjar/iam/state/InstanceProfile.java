package io.cloudjar.iam.state;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A container for (at most) one role that EC2 instances carry. */
@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "id", scope = InstanceProfile.class)
public final class InstanceProfile {
    public final String accountId;
    public final String id;
    public final String name;
    public final String path;
    public final Instant created;
    public final List<Role> roles = new ArrayList<>();
    public final Tags tags = new Tags();

    public InstanceProfile(String accountId, String id, String name, String path, Instant created) {
        this.accountId = accountId;
        this.id = id;
        this.name = name;
        this.path = path;
        this.created = created;
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":instance-profile" + path + name;
    }
}
