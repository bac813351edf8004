package io.cloudjar.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/** The rules format: parsing, rendering against SDK inputs, and the checks against the operations' inputs. */
class OperationRulesTest {
    private static final ModelRegistry MODELS = new ModelRegistry();
    private static final RuleScope SCOPE = new RuleScope("123456789012", "eu-west-1", "arn:aws:iam::123456789012:user/alice");
    private static final Map<String, List<String>> CALL_KEYS = Map.of("aws:RequestedRegion", List.of("eu-west-1"));

    @Test
    void listObjectsIsListBucketOnTheBucketWithTheKeysItWasGiven() throws IOException {
        OperationRules rules = rules("s3", """
                ListObjectsV2  s3:ListBucket  arn:aws:s3:::{Bucket}
                    s3:prefix={Prefix}  s3:delimiter={Delimiter}  s3:max-keys={MaxKeys}
                """);
        List<AuthorizationCheck> checks = rules.checks(op("s3", "ListObjectsV2"),
                ListObjectsV2Request.builder().bucket("b").prefix("home/").maxKeys(10).build(), SCOPE, CALL_KEYS);

        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("s3:ListBucket");
            assertThat(c.resources()).containsExactly("arn:aws:s3:::b");
            assertThat(c.contextKeys()).containsEntry("s3:prefix", List.of("home/")).containsEntry("s3:max-keys", List.of("10"))
                    .containsAllEntriesOf(CALL_KEYS).doesNotContainKey("s3:delimiter");
        });
    }

    @Test
    void guardsPickTheVersionAction() throws IOException {
        OperationRules rules = rules("s3", """
                GetObject  s3:GetObject  arn:aws:s3:::{Bucket}/{Key}  unless:{VersionId}
                GetObject  s3:GetObjectVersion  arn:aws:s3:::{Bucket}/{Key}  if:{VersionId}  s3:versionid={VersionId}
                """);
        OperationModel get = op("s3", "GetObject");

        assertThat(rules.checks(get, GetObjectRequest.builder().bucket("b").key("a/k").build(), SCOPE, CALL_KEYS))
                .extracting(AuthorizationCheck::action).containsExactly("s3:GetObject");
        assertThat(rules.checks(get, GetObjectRequest.builder().bucket("b").key("a/k").versionId("v1").build(), SCOPE, CALL_KEYS))
                .singleElement().satisfies(c -> {
                    assertThat(c.action()).isEqualTo("s3:GetObjectVersion");
                    assertThat(c.resources()).containsExactly("arn:aws:s3:::b/a/k");
                    assertThat(c.contextKeys()).containsEntry("s3:versionid", List.of("v1"));
                });
    }

    @Test
    void listsExpandAbsentMembersDropOutOrTakeTheirDefaultAndTagsBecomeRequestTags() throws IOException {
        OperationRules rules = rules("ec2", """
                RunInstances  ec2:RunInstances  arn:aws:ec2:{region}::image/{ImageId}
                    arn:aws:ec2:{region}:{account}:security-group/{SecurityGroupIds}  arn:aws:ec2:{region}:{account}:subnet/{SubnetId|*}
                    arn:aws:ec2:{region}:{account}:key-pair/{KeyName}
                    ec2:InstanceType={InstanceType}  aws:RequestTag/*={TagSpecifications.Tags}  aws:TagKeys={TagSpecifications.Tags.Key}
                """);
        RunInstancesRequest input = RunInstancesRequest.builder().imageId("ami-1").instanceType("t2.micro")
                .securityGroupIds("sg-1", "sg-2")
                .tagSpecifications(TagSpecification.builder().resourceType("instance")
                        .tags(Tag.builder().key("team").value("blue").build(), Tag.builder().key("env").value("dev").build()).build())
                .build();

        AuthorizationCheck check = rules.checks(op("ec2", "RunInstances"), input, SCOPE, CALL_KEYS).get(0);

        assertThat(check.resources()).containsExactly("arn:aws:ec2:eu-west-1::image/ami-1",
                "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-2",
                "arn:aws:ec2:eu-west-1:123456789012:subnet/*");
        assertThat(check.contextKeys()).containsEntry("ec2:InstanceType", List.of("t2.micro"))
                .containsEntry("aws:RequestTag/team", List.of("blue")).containsEntry("aws:RequestTag/env", List.of("dev"))
                .containsEntry("aws:TagKeys", List.of("team", "env"));
    }

    @Test
    void aCheckWithoutResourcesIsAskedOnStarAndProviderChecksAreLeftToTheProvider() throws IOException {
        OperationRules rules = rules("ec2", """
                DescribeVpcs  ec2:DescribeVpcs  *
                DeleteVpc  ec2:DeleteVpc  arn:aws:ec2:{region}:{account}:vpc/{VpcId}
                DeleteVpc  ec2:Other  by:provider
                """);

        assertThat(rules.checks(op("ec2", "DescribeVpcs"), DescribeVpcsRequest.builder().build(), SCOPE, CALL_KEYS))
                .singleElement().satisfies(c -> assertThat(c.resources()).containsExactly("*"));
        assertThat(rules.checks(op("ec2", "DeleteVpc"), DeleteVpcRequest.builder().build(), SCOPE, CALL_KEYS))
                .singleElement().satisfies(c -> assertThat(c.resources()).containsExactly("*"));
        assertThat(rules.of("ec2", "DeleteVpc")).hasSize(2);
        assertThat(rules.checks("ec2", "DeleteVpc", AuthorizationRule.CheckedBy.PROVIDER, DeleteVpcRequest.builder().build(), SCOPE,
                CALL_KEYS)).extracting(AuthorizationCheck::action).containsExactly("ec2:Other");
    }

    @Test
    void resolversLookUpWhatTheInputLacksAndADefaultMayNameTheCaller() throws IOException {
        OperationRules rules = rules("s3", """
                GetObject  s3:GetObject  {owner(Bucket)|{caller}}
                """);
        rules.addResolver("owner", (bucket, call) -> bucket.equals("known") ? List.of("arn:aws:iam::" + call.account() + ":user/bob") : List.of());
        OperationModel get = op("s3", "GetObject");

        assertThat(rules.checks(get, GetObjectRequest.builder().bucket("known").key("k").build(), SCOPE, CALL_KEYS).get(0).resources())
                .containsExactly("arn:aws:iam::123456789012:user/bob");
        assertThat(rules.checks(get, GetObjectRequest.builder().bucket("other").key("k").build(), SCOPE, CALL_KEYS).get(0).resources())
                .containsExactly("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void anOperationWithoutRulesIsItsOwnActionOnStar() {
        assertThat(new OperationRules().checks(op("ec2", "DeleteVpc"), DeleteVpcRequest.builder().vpcId("vpc-1").build(), SCOPE, CALL_KEYS))
                .singleElement().satisfies(c -> {
                    assertThat(c.action()).isEqualTo("ec2:DeleteVpc");
                    assertThat(c.resources()).containsExactly("*");
                });
    }

    @Test
    void problemsNameUnknownOperationsMembersAndResolvers() throws IOException {
        OperationRules rules = rules("s3", """
                GetObjekt  s3:GetObject  arn:aws:s3:::{Bucket}
                GetObject  s3:GetObject  arn:aws:s3:::{Bucket}/{Keys}
                GetObject  s3:GetObject  arn:aws:s3:::{nobody(Bucket)}
                ListObjectsV2  s3:ListBucket  arn:aws:s3:::{Bucket}  s3:prefix={Prefix.Nested}
                """);

        List<String> problems = rules.problems("s3", name -> MODELS.api("s3").operation(name) == null ? null
                : MODELS.api("s3").operation(name).newInputBuilder());

        assertThat(problems).hasSize(4).anySatisfy(p -> assertThat(p).contains("has no operation GetObjekt"))
                .anySatisfy(p -> assertThat(p).contains("no member Keys"))
                .anySatisfy(p -> assertThat(p).contains("resolver nobody()"))
                .anySatisfy(p -> assertThat(p).contains("no member Prefix.Nested"));
    }

    @Test
    void theStartUpCheckNamesRulesOfOperationsTheApiLacks() throws IOException {
        OperationRules rules = rules("s3", """
                GetObject  s3:GetObject  arn:aws:s3:::{Bucket}/{Key}
                GetObjekt  s3:GetObject  arn:aws:s3:::{Bucket}/{Key}
                """);

        assertThat(rules.unknownOperations("s3", name -> MODELS.api("s3").operation(name) != null))
                .singleElement().satisfies(p -> assertThat(p).startsWith("test.authz:2 GetObjekt").endsWith("s3 has no operation GetObjekt"));
    }

    @Test
    void malformedLinesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> rules("s3", "GetObject  GetObject  *\n")).hasMessageContaining("test.authz:1")
                .hasMessageContaining("not an IAM action");
        assertThatThrownBy(() -> rules("s3", "GetObject  s3:GetObject  bucket\n")).hasMessageContaining("is no resource");
        assertThatThrownBy(() -> rules("s3", "  s3:prefix={Prefix}\n")).hasMessageContaining("continues no rule");
        assertThatThrownBy(() -> rules("s3", "GetObject  s3:GetObject  arn:aws:s3:::{Bucket\n")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> rules("s3", "GetObject  s3:GetObject  aws:RequestTag/*=x{Key}\n")).hasMessageContaining("one {Member} of tags");
    }

    private static OperationModel op(String api, String name) {
        return MODELS.api(api).operation(name);
    }

    private static OperationRules rules(String api, String text) throws IOException {
        OperationRules rules = new OperationRules();
        rules.add(api, RuleFileParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.authz"));
        return rules;
    }

}
