package io.cloudjar.core.protocol;

import static io.cloudjar.core.protocol.Wire.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The model's constraints, checked after decoding, and each API's own wording of a violation. */
class InputValidationTest {

    private static AwsException rejectedForm(String api, String... pairs) {
        RequestContext ctx = Wire.form(api, pairs);
        TestContexts.resolve(ctx);
        return awsError(() -> TestContexts.decode(ctx));
    }

    private static AwsException rejectedJson(String operation, String body) {
        RequestContext ctx = Wire.json("lightsail", "Lightsail_20161128." + operation, body);
        TestContexts.resolve(ctx);
        return awsError(() -> TestContexts.decode(ctx));
    }

    @Test
    void iamReportsAMissingMemberInCoralWording() {
        AwsException error = rejectedForm("iam", "Action", "CreateUser", "Version", "2010-05-08");

        assertThat(error.code()).isEqualTo("ValidationError");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.senderFault()).isTrue();
        assertThat(error.getMessage()).isEqualTo(
                "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void iamCountsEveryViolation() {
        AwsException error = rejectedForm("iam", "Action", "AttachUserPolicy");

        assertThat(error.getMessage()).isEqualTo("2 validation errors detected: "
                + "Value null at 'userName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'policyArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void iamLengthPatternEnumAndRangeConstraints() {
        assertThat(rejectedForm("iam", "Action", "CreateUser", "UserName", "u".repeat(65)).getMessage()).isEqualTo(
                "1 validation error detected: Value '" + "u".repeat(65) + "' at 'userName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
        assertThat(rejectedForm("iam", "Action", "CreateUser", "UserName", "bad name!").getMessage()).isEqualTo(
                "1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertThat(rejectedForm("iam", "Action", "ListPolicies", "Scope", "Everything").getMessage()).isEqualTo(
                "1 validation error detected: Value 'Everything' at 'scope' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [All, AWS, Local]");
        assertThat(rejectedForm("iam", "Action", "ListUsers", "MaxItems", "0").getMessage()).isEqualTo(
                "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void iamNamesListItemsWithTheirMemberElement() {
        AwsException error = rejectedForm("iam", "Action", "CreateUser", "UserName", "alice",
                "Tags.member.1.Key", "ok", "Tags.member.1.Value", "fine",
                "Tags.member.2.Key", "team", "Tags.member.2.Value", "a;b");

        assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value 'a;b' at 'tags.2.member.value' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

        AwsException missingKey = rejectedForm("iam", "Action", "CreateUser", "UserName", "alice",
                "Tags.member.1.Value", "v");
        assertThat(missingKey.getMessage()).isEqualTo("1 validation error detected: Value null at 'tags.1.member.key' "
                + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aValidRequestPasses() {
        RequestContext ctx = Wire.form("iam", "Action", "CreateUser", "UserName", "alice.smith@corp",
                "Tags.member.1.Key", "Cost Center", "Tags.member.1.Value", "");
        TestContexts.resolve(ctx);

        CreateUserRequest req = TestContexts.decode(ctx);

        assertThat(req.userName()).isEqualTo("alice.smith@corp");
    }

    @Test
    void ec2NamesTheMissingParameterAsSent() {
        AwsException error = rejectedForm("ec2", "Action", "RunInstances", "ImageId", "ami-1", "MaxCount", "1");

        assertThat(error.code()).isEqualTo("MissingParameter");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("The request must contain the parameter MinCount");

        AwsException blob = rejectedForm("ec2", "Action", "ImportKeyPair", "KeyName", "k");
        assertThat(blob.getMessage()).isEqualTo("The request must contain the parameter PublicKeyMaterial");
    }

    @Test
    void ec2RejectsAValueOutsideTheEnum() {
        AwsException error = rejectedForm("ec2", "Action", "RunInstances", "ImageId", "ami-1", "MinCount", "1",
                "MaxCount", "1", "InstanceType", "t9.galactic");

        assertThat(error.code()).isEqualTo("InvalidParameterValue");
        assertThat(error.getMessage()).startsWith("Value (t9.galactic) for parameter instanceType is invalid.");
    }

    @Test
    void lightsailUsesInvalidInputExceptionWithCoralWording() {
        AwsException missing = rejectedJson("GetInstance", "{}");
        assertThat(missing.code()).isEqualTo("InvalidInputException");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.getMessage()).isEqualTo(
                "1 validation error detected: Value null at 'instanceName' failed to satisfy constraint: Member must not be null");

        assertThat(rejectedJson("CreateKeyPair", "{\"keyPairName\": \"my key\"}").getMessage()).isEqualTo(
                "1 validation error detected: Value 'my key' at 'keyPairName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: \\w[\\w\\-]*\\w");

        AwsException several = rejectedJson("CreateInstances",
                "{\"instanceNames\": [\"a\"], \"availabilityZone\": \"us-east-1a\", \"ipAddressType\": \"ipv5\"}");
        assertThat(several.getMessage()).startsWith("3 validation errors detected: ")
                .contains("Value null at 'blueprintId' failed to satisfy constraint: Member must not be null")
                .contains("Value null at 'bundleId' failed to satisfy constraint: Member must not be null")
                .contains("Value 'ipv5' at 'ipAddressType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [dualstack, ipv4, ipv6]");
    }

    @Test
    void s3ChecksOnlyRequiredMembersAndLeavesValuesToItsProvider() {
        RequestContext ctx = Wire.rest("s3", "PUT", "/bucket/k", Wire.utf8("x"), "x-amz-storage-class", "MARBLE");
        TestContexts.resolve(ctx);

        PutObjectRequest req = TestContexts.decode(ctx);

        assertThat(req.storageClassAsString()).isEqualTo("MARBLE");
    }

    @Test
    void theValidatorListsViolationsWithPathAndWireName() {
        var iam = TestContexts.models().api("iam");
        List<Violation> violations = new InputValidator(iam, false).validate(CreateUserRequest.builder()
                .userName("").tags(t -> t.key("k")).build());

        assertThat(violations).extracting(Violation::kind, Violation::path, Violation::constraint).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Violation.Kind.INVALID, "userName",
                        "Member must have length greater than or equal to 1"),
                org.assertj.core.groups.Tuple.tuple(Violation.Kind.INVALID, "userName",
                        "Member must satisfy regular expression pattern: [\\w+=,.@-]+"),
                org.assertj.core.groups.Tuple.tuple(Violation.Kind.MISSING, "tags.1.member.value", "Member must not be null"));
        assertThat(new InputValidator(iam, true).validate(CreateUserRequest.builder().userName("").build()))
                .as("required-only mode ignores value constraints").isEmpty();
    }
}
