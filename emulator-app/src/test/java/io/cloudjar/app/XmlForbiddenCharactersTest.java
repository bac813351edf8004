package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Characters XML 1.0 forbids ({@code \u0000}, {@code \u0001}, {@code \u001F}, {@code \uFFFF}) in ids, ARNs and keys that
 * answers echo: every answer is still a document a strict parser reads, the character replaced by U+FFFD, in each
 * protocol's error shape (EC2, AWS query, S3) and in S3's results. Sent over a socket, as no SDK validates them away.
 */
class XmlForbiddenCharactersTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    /** Parses as botocore and the SDK do: a forbidden character anywhere fails the whole document. */
    private static Document strictXml(RawHttp.Answer answer) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String element) {
        return doc.getElementsByTagName(element).item(0).getTextContent();
    }

    @Test
    void ec2ErrorsEchoingAVpcIdWithANul() throws Exception {
        RawHttp.Answer answer = RawHttp.form(cloudjar.port(),
                "Action=DescribeVpcAttribute&Version=2016-11-15&Attribute=enableDnsSupport&VpcId=vpc-%00x%EF%BF%BF");

        assertThat(answer.status()).isEqualTo(400);
        Document doc = strictXml(answer);
        assertThat(text(doc, "Code")).isEqualTo("InvalidVpcID.NotFound");
        assertThat(text(doc, "Message")).contains("vpc-\uFFFDx\uFFFD");
    }

    @Test
    void iamErrorsEchoingArnsAndMarkers() throws Exception {
        RawHttp.Answer policy = RawHttp.form(cloudjar.port(),
                "Action=GetPolicy&Version=2010-05-08&PolicyArn=arn:aws:iam::000000000000:policy/a%01b%1F");
        assertThat(policy.status()).isEqualTo(404);
        assertThat(text(strictXml(policy), "Message")).contains("policy/a\uFFFDb\uFFFD");

        RawHttp.Answer saml = RawHttp.form(cloudjar.port(),
                "Action=GetSAMLProvider&Version=2010-05-08&SAMLProviderArn=arn:aws:iam::000000000000:saml-provider/a%00b");
        assertThat(saml.status()).isEqualTo(404);
        assertThat(text(strictXml(saml), "Message")).contains("saml-provider/a\uFFFDb");

        RawHttp.Answer marker = RawHttp.form(cloudjar.port(), "Action=ListPolicies&Version=2010-05-08&Marker=a%00b");
        assertThat(marker.status()).isEqualTo(400);
        assertThat(text(strictXml(marker), "Code")).isEqualTo("ValidationError");
    }

    @Test
    void s3ErrorsAndListingsOfKeysWithControlCharacters() throws Exception {
        // unsigned calls get in where a bucket policy grants everyone (and Block Public Access allows it)
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(r -> r.bucket("control-keys"));
            s3.deletePublicAccessBlock(r -> r.bucket("control-keys"));
            s3.putBucketPolicy(r -> r.bucket("control-keys").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:ListBucket\"],"
                    + "\"Resource\":[\"arn:aws:s3:::control-keys\",\"arn:aws:s3:::control-keys/*\"]}]}"));
        }
        RawHttp.Answer missing = RawHttp.send(cloudjar.port(), "GET", "/control-keys/a%00b", "localhost", null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(text(strictXml(missing), "Key")).isEqualTo("a\uFFFDb");

        RawHttp.Answer noBucket = RawHttp.send(cloudjar.port(), "GET", "/no-such-%01bucket/k", "localhost", null, null);
        assertThat(text(strictXml(noBucket), "BucketName")).isEqualTo("no-such-\uFFFDbucket");

        assertThat(RawHttp.send(cloudjar.port(), "PUT", "/control-keys/k%01y", "localhost", null, "body").status()).isEqualTo(200);
        RawHttp.Answer listing = RawHttp.send(cloudjar.port(), "GET", "/control-keys?list-type=2", "localhost", null, null);
        assertThat(text(strictXml(listing), "Key")).isEqualTo("k\uFFFDy");
        RawHttp.Answer encoded = RawHttp.send(cloudjar.port(), "GET", "/control-keys?list-type=2&encoding-type=url",
                "localhost", null, null);
        assertThat(text(strictXml(encoded), "Key")).as("encoding-type=url keeps the key exact").isEqualTo("k%01y");
    }

    @Test
    void boto3ReadsTheAnswers() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3").run(cloudjar, "test_xml_forbidden_chars.py");
    }
}
