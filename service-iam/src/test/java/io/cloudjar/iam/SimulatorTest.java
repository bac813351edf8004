package io.cloudjar.iam;

import static io.cloudjar.iam.IamUsersTest.assertError;
import static io.cloudjar.iam.IamUsersTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

class SimulatorTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static final String MFA_ONLY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
            + "\"Action\":\"s3:Get*\",\"Resource\":\"*\"},{\"Sid\":\"DeleteWithMfa\",\"Effect\":\"Allow\",\"Action\":\"s3:DeleteObject\","
            + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    @Test
    void principalPolicyIncludesGroupAndManagedPoliciesWithMatchedStatements() {
        iam.createUser(r -> r.userName("sim"));
        iam.createGroup(r -> r.groupName("readers"));
        iam.addUserToGroup(r -> r.groupName("readers").userName("sim"));
        iam.attachGroupPolicy(r -> r.groupName("readers").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        iam.putUserPolicy(r -> r.userName("sim").policyName("no-delete").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}"));
        List<EvaluationResult> results = iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::000000000000:user/sim")
                .actionNames("s3:GetObject", "s3:PutObject", "s3:DeleteBucket")
                .resourceArns("arn:aws:s3:::bucket/key")).evaluationResults();
        assertThat(results).extracting(EvaluationResult::evalDecision).containsExactly(PolicyEvaluationDecisionType.ALLOWED,
                PolicyEvaluationDecisionType.IMPLICIT_DENY, PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(results.get(0).matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
            assertThat(s.sourcePolicyTypeAsString()).isEqualTo("aws-managed");
            assertThat(s.startPosition().line()).isPositive();
        });
        assertThat(results.get(2).matchedStatements()).singleElement()
                .satisfies(s -> assertThat(s.sourcePolicyTypeAsString()).isEqualTo("user"));
        assertThat(results.get(2).evalResourceName()).isEqualTo("arn:aws:s3:::bucket/key");
    }

    @Test
    void customPolicyReportsMissingContextValuesAndUsesContextEntries() {
        var missing = iam.simulateCustomPolicy(r -> r.policyInputList(MFA_ONLY_DELETE).actionNames("s3:DeleteObject"))
                .evaluationResults().get(0);
        assertThat(missing.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(missing.missingContextValues()).containsExactly("aws:MultiFactorAuthPresent");

        var withMfa = iam.simulateCustomPolicy(r -> r.policyInputList(MFA_ONLY_DELETE).actionNames("s3:DeleteObject")
                .contextEntries(c -> c.contextKeyName("aws:MultiFactorAuthPresent").contextKeyType(ContextKeyTypeEnum.BOOLEAN)
                        .contextKeyValues("true"))).evaluationResults().get(0);
        assertThat(withMfa.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(withMfa.matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("PolicyInputList.1");
            assertThat(s.startPosition().column()).isPositive();
        });
        assertThat(iam.getContextKeysForCustomPolicy(r -> r.policyInputList(MFA_ONLY_DELETE)).contextKeyNames())
                .containsExactly("aws:MultiFactorAuthPresent");
    }

    @Test
    void permissionsBoundaryIsReportedAndResourcePolicyConsidered() {
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}]}";
        var result = iam.simulateCustomPolicy(r -> r.policyInputList(IamPoliciesTest.S3_ALL)
                .permissionsBoundaryPolicyInputList(boundary).actionNames("s3:GetObject")).evaluationResults().get(0);
        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(result.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();

        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:user/reader\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        var viaResource = iam.simulateCustomPolicy(r -> r.policyInputList("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .resourcePolicy(bucketPolicy).callerArn("arn:aws:iam::000000000000:user/reader")
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::b/k")).evaluationResults().get(0);
        assertThat(viaResource.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(viaResource.matchedStatements()).singleElement()
                .satisfies(s -> assertThat(s.sourcePolicyTypeAsString()).isEqualTo("resource"));
    }

    @Test
    void badInputIsRefused() {
        assertError(error(() -> iam.simulateCustomPolicy(r -> r.policyInputList("{bad").actionNames("s3:GetObject"))),
                "MalformedPolicyDocument", 400);
        assertError(error(() -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::000000000000:user/nobody")
                .actionNames("s3:GetObject"))), "NoSuchEntity", 404);
        assertError(error(() -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:s3:::not-a-principal")
                .actionNames("s3:GetObject"))), "InvalidInput", 400);
    }

    @Test
    void resultsPage() {
        var first = iam.simulateCustomPolicy(r -> r.policyInputList(IamPoliciesTest.S3_ALL)
                .actionNames("s3:GetObject", "s3:PutObject", "s3:ListBucket").maxItems(2));
        assertThat(first.evaluationResults()).hasSize(2);
        assertThat(first.isTruncated()).isTrue();
        var rest = iam.simulateCustomPolicy(r -> r.policyInputList(IamPoliciesTest.S3_ALL)
                .actionNames("s3:GetObject", "s3:PutObject", "s3:ListBucket").maxItems(2).marker(first.marker()));
        assertThat(rest.evaluationResults()).extracting(EvaluationResult::evalActionName).containsExactly("s3:ListBucket");
    }
}
