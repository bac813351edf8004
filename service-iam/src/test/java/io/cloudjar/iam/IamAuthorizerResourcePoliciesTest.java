package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.auth.AuthorizationRequest;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.iam.state.IamState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The authorizer with resource owners and resource-based policies: AWS's same-account and cross-account rules,
 * and the kind of policy each decision names (what denial messages say).
 */
class IamAuthorizerResourcePoliciesTest {
    static final String A = "000000000000";
    static final String B = "111111111111";
    static final String DOC_ARN = "arn:aws:s3:::docs/report";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static volatile String policy;
    private static IamAuthorizer authorizer;

    @BeforeAll
    static void users() {
        ResourcePolicies docs = arn -> arn.startsWith("arn:aws:s3:::docs")
                ? Optional.of(new ResourcePolicies.ResourcePolicy(A, policy, "BucketPolicy")) : Optional.empty();
        authorizer = new IamAuthorizer(IamState.of(cloudjar.server().runtime()), docs);
        try (IamClient a = cloudjar.client(IamClient.builder());
             IamClient b = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, B, "test")) {
            a.createUser(r -> r.userName("reader"));
            a.putUserPolicy(r -> r.userName("reader").policyName("read").policyDocument(allow("s3:GetObject")));
            a.createUser(r -> r.userName("plain"));
            b.createUser(r -> r.userName("reader"));
            b.putUserPolicy(r -> r.userName("reader").policyName("read").policyDocument(allow("s3:GetObject")));
            b.createUser(r -> r.userName("plain"));
        }
    }

    @Test
    void withinTheAccountIdentityOrResourcePolicyGrants() {
        policy = null;
        assertThat(decide(user(A, "reader"), DOC_ARN).allowed()).isTrue();
        Decision plain = decide(user(A, "plain"), DOC_ARN);
        assertThat(plain.allowed()).isFalse();
        assertThat(plain.basis()).isEqualTo(Decision.Basis.IDENTITY);
        assertThat(plain.resource()).isEqualTo(DOC_ARN);
        assertThat(decide(Principal.root(A, "test", "test"), DOC_ARN).allowed()).isTrue();

        policy = bucketPolicy("Allow", "\"arn:aws:iam::" + A + ":user/plain\"");
        assertThat(decide(user(A, "plain"), DOC_ARN).allowed()).isTrue();
    }

    @Test
    void acrossAccountsBothSidesMustAllow() {
        policy = null;
        Decision noResourcePolicy = decide(user(B, "reader"), DOC_ARN);
        assertThat(noResourcePolicy.allowed()).isFalse();
        assertThat(noResourcePolicy.basis()).isEqualTo(Decision.Basis.RESOURCE);
        assertThat(decide(Principal.root(B, B, "test"), DOC_ARN).allowed()).as("root, never in another account").isFalse();

        policy = bucketPolicy("Allow", "\"" + B + "\"");
        assertThat(decide(user(B, "reader"), DOC_ARN).allowed()).isTrue();
        assertThat(decide(Principal.root(B, B, "test"), DOC_ARN).allowed()).isTrue();
        Decision identityMissing = decide(user(B, "plain"), DOC_ARN);
        assertThat(identityMissing.allowed()).isFalse();
        assertThat(identityMissing.basis()).isEqualTo(Decision.Basis.IDENTITY);
    }

    @Test
    void anExplicitDenyInTheResourcePolicyWinsAndIsNamed() {
        policy = bucketPolicy("Deny", "\"*\"");
        Decision denied = decide(user(A, "reader"), DOC_ARN);
        assertThat(denied.explicitDeny()).isTrue();
        assertThat(denied.basis()).isEqualTo(Decision.Basis.RESOURCE);
        assertThat(denied.matched()).containsExactly("BucketPolicy'Docs'");
    }

    @Test
    void anonymousCallersOnlyThroughAPolicyGrantingEveryone() {
        policy = null;
        assertThat(decide(Principal.anonymous(A), DOC_ARN).allowed()).isFalse();
        policy = bucketPolicy("Allow", "\"" + A + "\"");
        assertThat(decide(Principal.anonymous(A), DOC_ARN).allowed()).isFalse();
        policy = bucketPolicy("Allow", "\"*\"");
        assertThat(decide(Principal.anonymous(A), DOC_ARN).allowed()).isTrue();
    }

    @Test
    void otherResourcesAreOwnedByTheAccountInTheirArn() {
        String elsewhere = "arn:aws:ec2:us-east-1:" + B + ":vpc/vpc-1";
        Decision root = decide(Principal.root(A, "test", "test"), elsewhere);
        assertThat(root.allowed()).isFalse();
        assertThat(root.basis()).isEqualTo(Decision.Basis.RESOURCE);
        assertThat(decide(Principal.root(B, B, "test"), elsewhere).allowed()).isTrue();
        assertThat(decide(Principal.root(A, "test", "test"), "*").allowed()).isTrue();
    }

    private static Decision decide(Principal who, String resource) {
        return authorizer.authorize(new AuthorizationRequest(who, "s3:GetObject", List.of(resource), Map.of(), "us-east-1"));
    }

    private static Principal user(String account, String name) {
        return new Principal(Principal.Type.USER, account, "arn:aws:iam::" + account + ":user/" + name, "AIDA" + name,
                name, "AKIA" + name, "secret", null, Map.of());
    }

    private static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private static String bucketPolicy(String effect, String awsPrincipal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Docs\",\"Effect\":\"" + effect + "\",\"Principal\":"
                + ("\"*\"".equals(awsPrincipal) ? "\"*\"" : "{\"AWS\":" + awsPrincipal + "}")
                + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::docs/*\"}]}";
    }
}
