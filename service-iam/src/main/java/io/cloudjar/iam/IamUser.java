package io.cloudjar.iam;

import java.time.Instant;
import java.util.Map;

/** An IAM user as stored; immutable, replaced as a whole on change. */
record IamUser(String userName, String path, String userId, String arn, Instant createDate,
               String permissionsBoundary, Map<String, String> tags) {
    IamUser {
        tags = Map.copyOf(tags);
    }
}
