package io.cloudjar.core.protocol;

import static io.cloudjar.core.protocol.Wire.at;
import static io.cloudjar.core.protocol.Wire.awsError;
import static io.cloudjar.core.protocol.Wire.children;
import static io.cloudjar.core.protocol.Wire.textAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.rds.model.CreateIntegrationRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

class AwsQueryCodecTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final ProtocolCodec CODEC = TestContexts.codec(Protocol.QUERY);

    private static <T> T decode(String api, String... pairs) {
        RequestContext ctx = Wire.form(api, pairs);
        TestContexts.resolve(ctx);
        return TestContexts.decode(ctx);
    }

    private static Element encode(String api, String operation, Object response) {
        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.form(api), operation), response);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers().get("x-amzn-RequestId")).isEqualTo(TestContexts.REQUEST_ID);
        return Wire.xml(out);
    }

    @Test
    void listsUseMemberAndNestedStructuresUseDottedNames() {
        CreateUserRequest req = decode("iam", "Action", "CreateUser", "Version", "2010-05-08", "UserName", "alice",
                "Path", "/team/", "Tags.member.1.Key", "Env", "Tags.member.1.Value", "prod",
                "Tags.member.2.Key", "Owner", "Tags.member.2.Value", "a=b+c/d @e");

        assertThat(req.userName()).isEqualTo("alice");
        assertThat(req.path()).isEqualTo("/team/");
        assertThat(req.tags()).containsExactly(Tag.builder().key("Env").value("prod").build(),
                Tag.builder().key("Owner").value("a=b+c/d @e").build());
    }

    @Test
    void anEmptyValueWithNothingBelowItIsAnEmptyList() {
        CreateUserRequest req = decode("iam", "Action", "CreateUser", "UserName", "bob", "Tags", "");

        assertThat(req.hasTags()).isTrue();
        assertThat(req.tags()).isEmpty();
    }

    @Test
    void anAbsentListStaysUnset() {
        CreateUserRequest req = decode("iam", "Action", "CreateUser", "UserName", "bob");

        assertThat(req.hasTags()).isFalse();
    }

    @Test
    void booleansIntegersAndEnumsAreDecoded() {
        ListPoliciesRequest req = decode("iam", "Action", "ListPolicies", "Scope", "Local", "OnlyAttached", "true",
                "MaxItems", "50");

        assertThat(req.scope()).isEqualTo(PolicyScopeType.LOCAL);
        assertThat(req.onlyAttached()).isTrue();
        assertThat(req.maxItems()).isEqualTo(50);
    }

    @Test
    void rdsListsAreNamedByTheirMemberElement() {
        DescribeDbInstancesRequest req = decode("rds", "Action", "DescribeDBInstances", "Version", "2014-10-31",
                "Filters.Filter.1.Name", "engine", "Filters.Filter.1.Values.Value.1", "postgres",
                "Filters.Filter.1.Values.Value.2", "mysql", "MaxRecords", "20");

        assertThat(req.filters()).hasSize(1);
        assertThat(req.filters().get(0).name()).isEqualTo("engine");
        assertThat(req.filters().get(0).values()).containsExactly("postgres", "mysql");
        assertThat(req.maxRecords()).isEqualTo(20);
    }

    @Test
    void mapsAreEntriesWithKeyAndValue() {
        CreateIntegrationRequest req = decode("rds", "Action", "CreateIntegration",
                "SourceArn", "arn:aws:rds:us-east-1:000000000000:cluster:src", "TargetArn", "arn:aws:redshift:us-east-1:0:x",
                "IntegrationName", "sync",
                "AdditionalEncryptionContext.entry.1.key", "dept", "AdditionalEncryptionContext.entry.1.value", "sales",
                "AdditionalEncryptionContext.entry.2.key", "stage", "AdditionalEncryptionContext.entry.2.value", "beta");

        assertThat(req.additionalEncryptionContext()).containsExactly(Map.entry("dept", "sales"), Map.entry("stage", "beta"));
    }

    @Test
    void illTypedValuesAreTheApisValidationError() {
        AwsException iam = awsError(() -> decode("iam", "Action", "ListPolicies", "MaxItems", "lots"));
        assertThat(iam.code()).isEqualTo("ValidationError");
        assertThat(iam.status()).isEqualTo(400);
        assertThat(iam.getMessage()).startsWith("1 validation error detected: Value 'lots' at 'maxItems'");

        AwsException bool = awsError(() -> decode("iam", "Action", "ListPolicies", "OnlyAttached", "maybe"));
        assertThat(bool.code()).isEqualTo("ValidationError");
        assertThat(bool.getMessage()).contains("'maybe' at 'onlyAttached'");

        AwsException rds = awsError(() -> decode("rds", "Action", "DescribeDBInstances", "MaxRecords", "1.5"));
        assertThat(rds.code()).isEqualTo("InvalidParameterValue");
        assertThat(rds.status()).isEqualTo(400);
    }

    @Test
    void missingAndUnknownActionsAreRejected() {
        AwsException missing = awsError(() -> TestContexts.resolve(Wire.form("iam", "UserName", "x")));
        assertThat(missing.code()).isEqualTo("MissingAction");

        AwsException unknown = awsError(() -> TestContexts.resolve(Wire.form("iam", "Action", "CreateUsers")));
        assertThat(unknown.code()).isEqualTo("InvalidAction");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.getMessage()).isEqualTo("Could not find operation CreateUsers for version 2010-05-08");
    }

    @Test
    void responseIsWrappedInTheResultElementAndCarriesResponseMetadata() {
        User user = User.builder().userName("alice").userId("AIDAEXAMPLE0000000001").path("/")
                .arn("arn:aws:iam::000000000000:user/alice").createDate(Instant.parse("2024-02-03T04:05:06Z"))
                .tags(Tag.builder().key("Env").value("prod").build()).build();

        Element root = encode("iam", "CreateUser", CreateUserResponse.builder().user(user).build());

        assertThat(root.getLocalName()).isEqualTo("CreateUserResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(IAM_NS);
        assertThat(children(root, null)).extracting(Element::getLocalName).containsExactly("CreateUserResult", "ResponseMetadata");
        Element u = at(root, "CreateUserResult/User");
        assertThat(textAt(u, "UserName")).isEqualTo("alice");
        assertThat(textAt(u, "Arn")).isEqualTo("arn:aws:iam::000000000000:user/alice");
        assertThat(textAt(u, "CreateDate")).isEqualTo("2024-02-03T04:05:06.000Z");
        assertThat(textAt(u, "Tags/member/Key")).isEqualTo("Env");
        assertThat(textAt(u, "Tags/member/Value")).isEqualTo("prod");
        assertThat(textAt(root, "ResponseMetadata/RequestId")).isEqualTo(TestContexts.REQUEST_ID);
    }

    @Test
    void listMembersAndBooleansInResults() {
        ListUsersResponse response = ListUsersResponse.builder().isTruncated(false)
                .users(User.builder().userName("a").build(), User.builder().userName("b").build()).build();

        Element result = at(encode("iam", "ListUsers", response), "ListUsersResult");

        assertThat(children(at(result, "Users"), "member")).extracting(e -> textAt(e, "UserName")).containsExactly("a", "b");
        assertThat(textAt(result, "IsTruncated")).isEqualTo("false");
    }

    @Test
    void mapsInResultsAreEntryKeyValue() {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Users", 3);
        summary.put("Groups", 0);

        Element map = at(encode("iam", "GetAccountSummary", GetAccountSummaryResponse.builder()
                .summaryMapWithStrings(summary).build()), "GetAccountSummaryResult/SummaryMap");

        assertThat(children(map, "entry")).extracting(e -> textAt(e, "key") + "=" + textAt(e, "value"))
                .containsExactly("Users=3", "Groups=0");
    }

    @Test
    void eachApiAnswersInItsOwnNamespaceAndWrapper() {
        Element sts = encode("sts", "AssumeRole", AssumeRoleResponse.builder()
                .credentials(c -> c.accessKeyId("ASIAEXAMPLE").secretAccessKey("s").sessionToken("t")
                        .expiration(Instant.parse("2024-05-06T07:08:09.010Z")))
                .assumedRoleUser(u -> u.arn("arn:aws:sts::000000000000:assumed-role/r/s").assumedRoleId("AROA:s"))
                .packedPolicySize(6).build());
        assertThat(sts.getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(textAt(sts, "AssumeRoleResult/Credentials/Expiration")).isEqualTo("2024-05-06T07:08:09.010Z");
        assertThat(textAt(sts, "AssumeRoleResult/PackedPolicySize")).isEqualTo("6");

        Element rds = encode("rds", "DescribeDBInstances", DescribeDbInstancesResponse.builder()
                .dbInstances(DBInstance.builder().dbInstanceIdentifier("db1").allocatedStorage(20).multiAZ(true)
                        .endpoint(e -> e.address("db1.local").port(5432))
                        .tagList(software.amazon.awssdk.services.rds.model.Tag.builder().key("k").value("v").build())
                        .build())
                .build());
        assertThat(rds.getLocalName()).isEqualTo("DescribeDBInstancesResponse");
        assertThat(rds.getNamespaceURI()).isEqualTo("http://rds.amazonaws.com/doc/2014-10-31/");
        Element db = at(rds, "DescribeDBInstancesResult/DBInstances/DBInstance");
        assertThat(textAt(db, "DBInstanceIdentifier")).isEqualTo("db1");
        assertThat(textAt(db, "MultiAZ")).isEqualTo("true");
        assertThat(textAt(db, "Endpoint/Port")).isEqualTo("5432");
        assertThat(textAt(db, "TagList/Tag/Key")).isEqualTo("k");
    }

    @Test
    void errorsUseTheErrorResponseEnvelopeWithSenderType() {
        OutgoingResponse out = CODEC.encodeError(TestContexts.withOperation(Wire.form("iam"), "GetUser"),
                AwsErrors.of("NoSuchEntity", 404, "The user with name %s cannot be found.", "ghost"));

        assertThat(out.status()).isEqualTo(404);
        assertThat(out.headers().get("Content-Type")).startsWith("text/xml");
        Element root = Wire.xml(out);
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(IAM_NS);
        assertThat(children(root, null)).extracting(Element::getLocalName).containsExactly("Error", "RequestId");
        Element error = at(root, "Error");
        assertThat(children(error, null)).extracting(Element::getLocalName).containsExactly("Type", "Code", "Message");
        assertThat(textAt(error, "Type")).isEqualTo("Sender");
        assertThat(textAt(error, "Code")).isEqualTo("NoSuchEntity");
        assertThat(textAt(error, "Message")).isEqualTo("The user with name ghost cannot be found.");
        assertThat(textAt(root, "RequestId")).isEqualTo(TestContexts.REQUEST_ID);
    }

    @Test
    void serverFaultsAreOfTypeReceiver() {
        Element root = Wire.xml(CODEC.encodeError(Wire.form("sts"), AwsErrors.internal("boom")));

        assertThat(textAt(root, "Error/Type")).isEqualTo("Receiver");
        assertThat(textAt(root, "Error/Code")).isEqualTo("InternalError");
    }
}
