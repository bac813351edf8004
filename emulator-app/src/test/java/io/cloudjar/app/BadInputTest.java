package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/** Input no real client sends must still get the error AWS sends: a 4xx in the API's own shape, never a 500. */
class BadInputTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void unsignedQueryFormsAreRoutedByVersion() throws Exception {
        RawHttp.Answer sts = RawHttp.form(cloudjar.port(), "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(sts.status()).isEqualTo(200);
        assertThat(sts.body()).contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Account>000000000000</Account>");
        RawHttp.Answer ec2 = RawHttp.form(cloudjar.port(), "Action=DescribeRegions&Version=2016-11-15");
        assertThat(ec2.body()).contains("<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
                .contains("<regionInfo>");
    }

    @Test
    void unknownActionsAnswerInvalidAction() throws Exception {
        RawHttp.Answer iam = RawHttp.form(cloudjar.port(), "Action=FlyToTheMoon&Version=2010-05-08");
        assertThat(iam.status()).isEqualTo(400);
        assertThat(iam.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>").contains("<Code>InvalidAction</Code>");
        RawHttp.Answer ec2 = RawHttp.form(cloudjar.port(), "Action=FlyToTheMoon&Version=2016-11-15");
        assertThat(ec2.status()).isEqualTo(400);
        assertThat(ec2.body()).contains("<Response><Errors><Error><Code>InvalidAction</Code>").contains("<RequestID>");
    }

    @Test
    void missingAndIllTypedParametersAreValidationErrors() throws Exception {
        RawHttp.Answer missing = RawHttp.form(cloudjar.port(), "Action=CreateUser&Version=2010-05-08");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("<Code>ValidationError</Code>")
                .contains("1 validation error detected: Value null at &apos;userName&apos; failed to satisfy constraint: Member must not be null"
                        .replace("&apos;", "'"));
        RawHttp.Answer badNumber = RawHttp.form(cloudjar.port(), "Action=DescribeVpcs&Version=2016-11-15&MaxResults=lots");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body()).contains("<Code>InvalidParameterValue</Code>");
        RawHttp.Answer badName = RawHttp.form(cloudjar.port(), "Action=CreateUser&Version=2010-05-08&UserName=not%20valid!");
        assertThat(badName.body()).contains("<Code>ValidationError</Code>").contains("regular expression pattern");
    }

    @Test
    void malformedBodiesAreRejectedInTheirProtocolsShape() throws Exception {
        RawHttp.Answer json = RawHttp.send(cloudjar.port(), "POST", "/", "localhost",
                "X-Amz-Target: Lightsail_20161128.GetBundles\r\nContent-Type: application/x-amz-json-1.1\r\n", "{not json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).contains("\"__type\":\"SerializationException\"");
        RawHttp.Answer xml = RawHttp.send(cloudjar.port(), "PUT", "/malformed-xml-bucket", "localhost", null, "<CreateBucketConfiguration><oops");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.body()).contains("<Code>MalformedXML</Code>");
    }

    @Test
    void oversizedHeadersAreRefusedWith400() throws Exception {
        String huge = "X-Padding: " + "a".repeat(40_000) + "\r\n";
        RawHttp.Answer answer = RawHttp.send(cloudjar.port(), "GET", "/", "localhost", huge, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("RequestHeaderSectionTooLarge");
    }

    @Test
    void s3VirtualHostsAreRecognised() throws Exception {
        RawHttp.Answer missing = RawHttp.send(cloudjar.port(), "GET", "/", "nosuchbucket.s3.localhost.localstack.cloud:4566", null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<Code>NoSuchBucket</Code>").contains("<BucketName>nosuchbucket</BucketName>");
        RawHttp.Answer aws = RawHttp.send(cloudjar.port(), "GET", "/", "other.s3.eu-west-1.amazonaws.com", null, null);
        assertThat(aws.body()).contains("<BucketName>other</BucketName>");
    }

    @Test
    void operationsNotImplementedYetSayWhichOne() {
        try (IamClient iam = cloudjar.client(IamClient.builder())) {
            assertThatThrownBy(() -> iam.listServerCertificates())
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(501);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                        assertThat(e.getMessage()).contains("ListServerCertificates");
                    });
        }
    }
}
