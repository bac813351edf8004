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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

class Ec2QueryCodecTest {
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final ProtocolCodec CODEC = TestContexts.codec(Protocol.EC2);

    private static <T> T decode(String... pairs) {
        RequestContext ctx = Wire.form("ec2", pairs);
        TestContexts.resolve(ctx);
        return TestContexts.decode(ctx);
    }

    @Test
    void listsAreNumberedDirectlyUnderTheMemberNameWithoutMember() {
        DescribeInstancesRequest req = decode("Action", "DescribeInstances", "Version", "2016-11-15",
                "InstanceId.1", "i-0aaa", "InstanceId.2", "i-0bbb",
                "Filter.1.Name", "instance-state-name", "Filter.1.Value.1", "running", "Filter.1.Value.2", "pending",
                "Filter.2.Name", "tag:Env", "Filter.2.Value.1", "prod",
                "MaxResults", "25", "DryRun", "false");

        assertThat(req.instanceIds()).containsExactly("i-0aaa", "i-0bbb");
        assertThat(req.filters()).hasSize(2);
        assertThat(req.filters().get(0).name()).isEqualTo("instance-state-name");
        assertThat(req.filters().get(0).values()).containsExactly("running", "pending");
        assertThat(req.filters().get(1).values()).containsExactly("prod");
        assertThat(req.maxResults()).isEqualTo(25);
        assertThat(req.dryRun()).isFalse();
    }

    @Test
    void listItemsFollowTheirNumbersNotTheParameterOrder() {
        CreateTagsRequest req = decode("Action", "CreateTags", "Tag.10.Key", "ten", "Tag.10.Value", "",
                "ResourceId.2", "vpc-2", "Tag.2.Key", "two", "Tag.2.Value", "2", "ResourceId.1", "vpc-1");

        assertThat(req.resources()).containsExactly("vpc-1", "vpc-2");
        assertThat(req.tags()).containsExactly(Tag.builder().key("two").value("2").build(),
                Tag.builder().key("ten").value("").build());
    }

    /** 20,000 filters (1.3 MB): every one read, in order (the reader once scanned every name per item). */
    @Test
    void aFormOfTwentyThousandFiltersIsReadWhole() {
        int count = 20_000;
        List<String> pairs = new ArrayList<>(List.of("Action", "DescribeVpcs", "Version", "2016-11-15"));
        for (int i = count; i >= 1; i--) { // sent backwards: items follow their numbers
            pairs.addAll(List.of("Filter." + i + ".Name", "tag:k" + i, "Filter." + i + ".Value.2", "b" + i,
                    "Filter." + i + ".Value.1", "a" + i));
        }
        DescribeVpcsRequest req = decode(pairs.toArray(String[]::new));

        assertThat(req.filters()).hasSize(count);
        for (int i = 1; i <= count; i++) {
            Filter filter = req.filters().get(i - 1);
            assertThat(filter.name()).isEqualTo("tag:k" + i);
            assertThat(filter.values()).containsExactly("a" + i, "b" + i);
        }
    }

    @Test
    void itemsAreReadUnderTheirPlainNumbersAndOtherStepsAreIgnored() {
        DescribeVpcsRequest req = decode("Action", "DescribeVpcs", "VpcId.01", "vpc-zero-one", "VpcId.x", "vpc-x",
                "VpcId.3", "vpc-3", "VpcId.3.extra", "ignored", "Filter.2.Name", "cidr", "Filter.2.Value.1", "10.0.0.0/16",
                "Filter.2.Value.1.deeper", "ignored", "Filter.2", "ignored", "Filter.5.Value.1", "nameless");

        assertThat(req.vpcIds()).containsExactly("vpc-3");
        assertThat(req.filters()).containsExactly(
                Filter.builder().name("cidr").values("10.0.0.0/16").build(),
                Filter.builder().values("nameless").build());
    }

    @Test
    void nestedStructuresListsEnumsIntegersAndBooleansAreDecoded() {
        RunInstancesRequest req = decode("Action", "RunInstances", "ImageId", "ami-12345678", "InstanceType", "t3.micro",
                "MinCount", "1", "MaxCount", "3", "Placement.AvailabilityZone", "us-east-1a",
                "Monitoring.Enabled", "true", "SecurityGroupId.1", "sg-1",
                "TagSpecification.1.ResourceType", "instance",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "web",
                "TagSpecification.2.ResourceType", "volume",
                "TagSpecification.2.Tag.1.Key", "Team", "TagSpecification.2.Tag.1.Value", "core");

        assertThat(req.instanceType()).isEqualTo(InstanceType.T3_MICRO);
        assertThat(req.minCount()).isEqualTo(1);
        assertThat(req.maxCount()).isEqualTo(3);
        assertThat(req.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(req.monitoring().enabled()).isTrue();
        assertThat(req.securityGroupIds()).containsExactly("sg-1");
        assertThat(req.tagSpecifications()).hasSize(2);
        assertThat(req.tagSpecifications().get(0).resourceType()).isEqualTo(ResourceType.INSTANCE);
        assertThat(req.tagSpecifications().get(0).tags()).containsExactly(Tag.builder().key("Name").value("web").build());
        assertThat(req.tagSpecifications().get(1).resourceType()).isEqualTo(ResourceType.VOLUME);
        assertThat(req.hasBlockDeviceMappings()).as("members never sent stay unset").isFalse();
    }

    @Test
    void theCodecKeepsAnUnknownEnumValueAsSentAndLeavesJudgingItToValidation() {
        RequestContext ctx = Wire.form("ec2", "Action", "RunInstances", "ImageId", "ami-1", "MinCount", "1",
                "MaxCount", "1", "InstanceType", "t9.galactic");
        TestContexts.resolve(ctx);
        RunInstancesRequest req = (RunInstancesRequest) CODEC.decode(ctx).input();

        assertThat(req.instanceTypeAsString()).isEqualTo("t9.galactic");
        assertThat(req.instanceType()).isEqualTo(InstanceType.UNKNOWN_TO_SDK_VERSION);
    }

    @Test
    void blobsArriveBase64Encoded() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0 user@host";
        ImportKeyPairRequest req = decode("Action", "ImportKeyPair", "KeyName", "mine",
                "PublicKeyMaterial", java.util.Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));

        assertThat(req.publicKeyMaterial().asUtf8String()).isEqualTo(key);
    }

    @Test
    void queryStringParametersCountAsWellAsTheFormBody() {
        RequestContext ctx = TestContexts.forApi("ec2", TestContexts.request("GET",
                "/?Action=DescribeInstances&InstanceId.1=i-0abc", new io.cloudjar.core.http.Headers(), new byte[0]));
        TestContexts.resolve(ctx);
        DescribeInstancesRequest req = TestContexts.decode(ctx);

        assertThat(req.instanceIds()).containsExactly("i-0abc");
    }

    @Test
    void illTypedNumbersAndBooleansAreInvalidParameterValue() {
        AwsException badNumber = awsError(() -> decode("Action", "RunInstances", "ImageId", "ami-1", "MinCount", "one",
                "MaxCount", "1"));
        assertThat(badNumber.code()).isEqualTo("InvalidParameterValue");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.getMessage()).contains("(one)").contains("minCount");

        AwsException badBoolean = awsError(() -> decode("Action", "DescribeInstances", "DryRun", "yes"));
        assertThat(badBoolean.code()).isEqualTo("InvalidParameterValue");
        assertThat(badBoolean.getMessage()).contains("(yes)").contains("dryRun");
    }

    @Test
    void missingAndUnknownActionsAreRejected() {
        AwsException missing = awsError(() -> TestContexts.resolve(Wire.form("ec2", "Version", "2016-11-15")));
        assertThat(missing.code()).isEqualTo("MissingAction");
        assertThat(missing.status()).isEqualTo(400);

        AwsException unknown = awsError(() -> TestContexts.resolve(Wire.form("ec2", "Action", "LaunchRocket")));
        assertThat(unknown.code()).isEqualTo("InvalidAction");
        assertThat(unknown.getMessage()).isEqualTo("The action LaunchRocket is not valid for this web service.");
    }

    @Test
    void responseHasTheEc2NamespaceRequestIdFirstAndLowerCamelItemLists() {
        Instant launched = Instant.parse("2024-01-02T03:04:05.678Z");
        DescribeInstancesResponse response = DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-0123").ownerId("000000000000")
                        .instances(Instance.builder().instanceId("i-0abc").instanceType(InstanceType.T3_MICRO)
                                .launchTime(launched).ebsOptimized(false).amiLaunchIndex(0)
                                .state(s -> s.code(16).name("running"))
                                .tags(Tag.builder().key("Name").value("web & db").build()).build())
                        .build())
                .build();
        RequestContext ctx = TestContexts.withOperation(Wire.form("ec2"), "DescribeInstances");

        OutgoingResponse out = CODEC.encode(ctx, response);

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers().get("Content-Type")).startsWith("text/xml");
        Element root = Wire.xml(out);
        assertThat(root.getLocalName()).isEqualTo("DescribeInstancesResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(EC2_NS);
        assertThat(children(root, null).get(0).getLocalName()).isEqualTo("requestId");
        assertThat(textAt(root, "requestId")).isEqualTo(TestContexts.REQUEST_ID);
        Element reservation = at(root, "reservationSet/item");
        assertThat(textAt(reservation, "reservationId")).isEqualTo("r-0123");
        Element instance = at(reservation, "instancesSet/item");
        assertThat(textAt(instance, "instanceId")).isEqualTo("i-0abc");
        assertThat(textAt(instance, "instanceType")).isEqualTo("t3.micro");
        assertThat(textAt(instance, "launchTime")).isEqualTo("2024-01-02T03:04:05.678Z");
        assertThat(textAt(instance, "ebsOptimized")).isEqualTo("false");
        assertThat(textAt(instance, "amiLaunchIndex")).isEqualTo("0");
        assertThat(textAt(instance, "instanceState/code")).isEqualTo("16");
        assertThat(textAt(instance, "instanceState/name")).isEqualTo("running");
        assertThat(textAt(instance, "tagSet/item/key")).isEqualTo("Name");
        assertThat(textAt(instance, "tagSet/item/value")).isEqualTo("web & db");
        assertThat(children(instance, "blockDeviceMapping")).as("unset lists are not written").isEmpty();
    }

    @Test
    void timestampsWithoutMillisStillCarryThreeFractionDigits() {
        DescribeInstancesResponse response = DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().instances(Instance.builder()
                        .launchTime(Instant.parse("2024-06-07T08:09:10Z")).build()).build())
                .build();

        Element root = Wire.xml(CODEC.encode(TestContexts.withOperation(Wire.form("ec2"), "DescribeInstances"), response));

        assertThat(textAt(root, "reservationSet/item/instancesSet/item/launchTime")).isEqualTo("2024-06-07T08:09:10.000Z");
    }

    @Test
    void floatsAreWrittenAsTheirShortDecimalForm() {
        Element root = Wire.xml(CODEC.encode(TestContexts.withOperation(Wire.form("ec2"), "DescribeReservedInstances"),
                software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse.builder()
                        .reservedInstances(r -> r.reservedInstancesId("ri-1").fixedPrice(0.1f).usagePrice(1250.0f)
                                .instanceCount(3))
                        .build()));

        Element item = at(root, "reservedInstancesSet/item");
        assertThat(textAt(item, "fixedPrice")).isEqualTo("0.1");
        assertThat(textAt(item, "usagePrice")).isEqualTo("1250");
        assertThat(textAt(item, "instanceCount")).isEqualTo("3");
    }

    @Test
    void anEmptyResultIsTheRootWithOnlyTheRequestId() {
        Element root = Wire.xml(CODEC.encode(TestContexts.withOperation(Wire.form("ec2"), "DeleteVpc"),
                DeleteVpcResponse.builder().build()));

        assertThat(root.getLocalName()).isEqualTo("DeleteVpcResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(EC2_NS);
        assertThat(children(root, null)).extracting(Element::getLocalName).containsExactly("requestId");
    }

    @Test
    void errorsUseTheEc2ResponseErrorsEnvelopeWithoutNamespace() {
        RequestContext ctx = TestContexts.withOperation(Wire.form("ec2"), "DeleteVpc");

        OutgoingResponse out = CODEC.encodeError(ctx,
                AwsErrors.of("InvalidVpcID.NotFound", 400, "The vpc ID '%s' does not exist", "vpc-0abc"));

        assertThat(out.status()).isEqualTo(400);
        Element root = Wire.xml(out);
        assertThat(root.getLocalName()).isEqualTo("Response");
        assertThat(root.getNamespaceURI()).isNull();
        assertThat(children(root, null)).extracting(Element::getLocalName).containsExactly("Errors", "RequestID");
        List<Element> errors = children(at(root, "Errors"), "Error");
        assertThat(errors).hasSize(1);
        assertThat(children(errors.get(0), null)).extracting(Element::getLocalName).containsExactly("Code", "Message");
        assertThat(textAt(errors.get(0), "Code")).isEqualTo("InvalidVpcID.NotFound");
        assertThat(textAt(errors.get(0), "Message")).isEqualTo("The vpc ID 'vpc-0abc' does not exist");
        assertThat(textAt(root, "RequestID")).isEqualTo(TestContexts.REQUEST_ID);
    }

    @Test
    void serverFaultsKeepTheirStatus() {
        OutgoingResponse out = CODEC.encodeError(Wire.form("ec2"), AwsErrors.internal("boom"));

        assertThat(out.status()).isEqualTo(500);
        assertThat(textAt(Wire.xml(out), "Errors/Error/Code")).isEqualTo("InternalError");
    }
}
