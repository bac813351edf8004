package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.InstanceProfiles;
import java.util.List;
import java.util.Map;

/**
 * Handing an instance profile to an instance passes its role to EC2: AWS authorizes {@code iam:PassRole} on the
 * role (with {@code iam:PassedToService} = {@code ec2.amazonaws.com}) and refuses the call with
 * UnauthorizedOperation when the caller may not. Free when no authorizer runs.
 */
final class PassRoles {
    static final String EC2 = "ec2.amazonaws.com";

    private PassRoles() {
    }

    static void check(CallContext ctx, InstanceProfiles.Profile profile) {
        if (profile == null) {
            return;
        }
        for (String role : profile.roleArns()) {
            ctx.authorize("iam:PassRole", role, Map.of("iam:PassedToService", List.of(EC2)));
        }
    }
}
